// Extract from a table: one row of a statistical table → the figures in it, with their units.
//
// Contract:
//   ExtractTableRow(row, header, context) reads `row`, a line of cells set apart by single
//   spaces (地区生产总值 亿元 3201 4500), under `header`, the table's header line ("" when none
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
//   a known unit; the caller then reads the line as a sentence. Linear in the row's length;
//   thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "extractors/quantity.h"

namespace pledge {

std::vector<Quantity> ExtractTableRow(std::string_view row, std::string_view header, std::string_view context = {});

}  // namespace pledge
