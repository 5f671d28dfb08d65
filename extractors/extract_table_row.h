// Extract from a table: one row of a statistical table → the figures in it, with their units.
//
// Contract:
//   ExtractTableRow(row, header, context) reads `row`, a line of cells set apart by single
//   spaces (地区生产总值 亿元 3201 4500) or drawn with bars (see BarCount below), under `header`, the table's header line ("" when none
//   was found: 指标 单位 2020年 2025年). Each figure cell (3201, -2.1, 6左右, >7, ≥85, and a
//   plan's five-year total in brackets, 〔13.5〕) becomes one Quantity spanning that cell, in the
//   unit of its column:
//     1. the unit in brackets in the header cell above it (比上年增长（%）), when header and row
//        have the same number of cells;
//     2. else the unit in brackets after the row's label (研发经费投入增长（%）);
//     3. else the row's unit cell (亿元, 公里, %), under a header cell 单位 if there is a header.
//   A figure before the row's label is its serial number, not a quantity.
//   A figure whose unit is not known is left out: a table of mixed columns read with the wrong
//   unit would give wrong values, which is worse than none. The bound comes from the figure's
//   own marks (>7 min, ≤5 max, 6左右 approx). Modality: under a year before the table's latest
//   (2020年 beside 2025年) a figure is the base reached, "achievement"; otherwise a plan's
//   binding indicator (约束性) is an "obligation" and an expected one (预期性) a "target", and
//   else `context` decides as for a sentence without modal words. The label's own words
//   (地区生产总值增长) are a name, not a report. Returns nothing when the row has no figure with
//   a known unit; the caller then reads the line as a sentence. When it has one, a cell of text
//   after the label that holds figures (建设内容: 新建道路12公里) is read as a sentence too, its
//   quantities in the cell's place. Linear in the row's length; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "extractors/quantity.h"

namespace pledge {

std::vector<Quantity> ExtractTableRow(std::string_view row, std::string_view header, std::string_view context = {});

// A row may also be drawn with bars (地区生产总值 | 617.50 | 5.2 |, | 指标 | 2020年 |), as scrapers
// and converters write an HTML table: a line with two bars (| or ｜) or more is such a row. Its
// cells are what lies between the bars, spaces inside them included (绝 对 数), trimmed; a bar
// that opens the line leaves an empty first cell (the corner above a column of labels), one that
// closes it does not.
int BarCount(std::string_view line);  // | and ｜ in `line`
// Calls cell(start, end) with the byte range of each cell of a barred row, in order.
template <typename CellFn>
void ForEachBarredCell(std::string_view line, CellFn&& cell) {
  size_t start = 0;
  while (true) {
    size_t ascii = line.find('|', start), wide = line.find("｜", start);
    size_t bar = ascii < wide ? ascii : wide;
    size_t end = bar == std::string_view::npos ? line.size() : bar;
    size_t b = start, e = end;
    while (b < e && (line[b] == ' ' || line[b] == '\r')) ++b;
    while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\r')) --e;
    if (bar == std::string_view::npos) {
      if (b < e) cell(b, e);  // text after the last bar; nothing there when the bar closed the row
      return;
    }
    cell(b, e);
    start = end + (line[end] == '|' ? 1 : 3);
  }
}

// Calls cell(start, end) with the byte range of each cell of a row set apart by spaces, in
// order: a cell ends at a space, ASCII or U+3000 (normalization keeps an indent of them, which
// opens no cell); carriage returns are no part of a cell.
template <typename CellFn>
void ForEachSpacedCell(std::string_view line, CellFn&& cell) {
  auto gap_at = [&](size_t i) -> size_t {
    if (line[i] == ' ' || line[i] == '\r') return 1;
    return line.compare(i, 3, "\xE3\x80\x80") == 0 ? 3 : 0;
  };
  for (size_t i = 0; i < line.size();) {
    if (size_t gap = gap_at(i)) {
      i += gap;
      continue;
    }
    size_t start = i;
    while (i < line.size() && gap_at(i) == 0) ++i;
    cell(start, i);
  }
}

}  // namespace pledge
