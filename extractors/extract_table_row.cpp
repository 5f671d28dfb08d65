#include "extractors/extract_table_row.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>

#include "extractors/chinese_number.h"
#include "extractors/extract_quantities.h"
#include "extractors/full_width.h"
#include "extractors/modality.h"

namespace pledge {
namespace {

struct Cell {
  size_t start, end;
  std::string_view text;
};

std::vector<Cell> SplitCells(std::string_view line) {
  std::vector<Cell> cells;
  if (BarCount(line) >= 2) {
    ForEachBarredCell(line, [&](size_t start, size_t end) { cells.push_back({start, end, line.substr(start, end - start)}); });
    return cells;
  }
  ForEachSpacedCell(line, [&](size_t start, size_t end) { cells.push_back({start, end, line.substr(start, end - start)}); });
  return cells;
}

// The unit in brackets at the end of a label: 比上年增长（%）, 地区生产总值(亿元).
std::string_view BracketedUnit(std::string_view cell) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
    if (!cell.ends_with(close)) continue;
    size_t at = cell.rfind(open);
    if (at == std::string_view::npos) continue;
    return cell.substr(at + open.size(), cell.size() - close.size() - at - open.size());
  }
  return {};
}

// What one of `unit` is (1亿元 = 100000000 CNY, 1% = 1 percent), read by the sentence extractor so
// that tables and sentences agree on units; nullopt when `unit` is no unit.
std::optional<Quantity> UnitOfOne(std::string_view unit) {
  if (unit.empty() || unit.size() > 30) return std::nullopt;
  for (char c : unit)
    if (c >= '0' && c <= '9') return std::nullopt;
  std::string one = "1" + std::string(unit);
  std::vector<Quantity> read = ExtractQuantities(one);
  if (read.size() != 1 || read[0].start != 0 || read[0].end != one.size() || !read[0].value || read[0].kind == "year")
    return std::nullopt;
  return read[0];
}

struct Figure {
  double number;
  std::string bound;
};

// A figure cell: a number in digits with its marks (-2.1, 1,200, >7, ≥85, 6左右, 10以上), or in
// brackets, a plan's total over its five years (〔13.5〕).
std::optional<Figure> ReadFigure(std::string_view cell) {
  Figure f{0, "exact"};
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"〔", "〕"}, {"［", "］"}, {"[", "]"}}) {
    if (cell.starts_with(open) && cell.ends_with(close) && cell.size() > open.size() + close.size()) {
      cell = cell.substr(open.size(), cell.size() - open.size() - close.size());
      break;
    }
  }
  for (auto [mark, bound] : {std::pair<std::string_view, const char*>{">", "min"}, {"≥", "min"}, {"＞", "min"},
                             {"<", "max"}, {"≤", "max"}, {"＜", "max"}}) {
    if (cell.starts_with(mark)) {
      cell.remove_prefix(mark.size());
      f.bound = bound;
      break;
    }
  }
  for (auto [word, bound] : {std::pair<std::string_view, const char*>{"左右", "approx"}, {"以上", "min"},
                             {"以下", "max"}, {"以内", "max"}}) {
    if (cell.ends_with(word)) {
      cell.remove_suffix(word.size());
      f.bound = bound;
      break;
    }
  }
  if (cell.empty()) return std::nullopt;
  for (char c : cell)
    if (!((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == '+')) return std::nullopt;
  std::string digits;
  for (char c : cell)
    if (c != ',' && c != '+') digits.push_back(c);
  auto value = ParseNumber(digits);
  if (!value) return std::nullopt;
  f.number = *value;
  return f;
}

}  // namespace

int BarCount(std::string_view line) {
  // Every line of a text is asked (a row without two spaces may still be barred), so the bars are
  // found with memchr: | itself, and ｜ (EF BD 9C) by its last byte, which few hanzi end with.
  if (line.empty()) return 0;  // memchr must not be given the null pointer of an empty view
  int bars = 0;
  const char* begin = line.data();
  const char* end = begin + line.size();
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '|', end - p))) != nullptr; ++p) ++bars;
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\x9C', end - p))) != nullptr; ++p)
    if (p - begin >= 2 && p[-2] == '\xEF' && p[-1] == '\xBD') ++bars;
  return bars;
}

namespace {

std::vector<Quantity> ExtractRowOfAsciiFigures(std::string_view row, std::string_view header, std::string_view context) {
  std::vector<Quantity> found;
  if (row.size() > 600) return found;
  std::vector<Cell> cells = SplitCells(row), heads = SplitCells(header);
  if (cells.size() < 2) return found;
  bool aligned = heads.size() == cells.size();
  // The units the header gives its columns, read once. Without alignment they cannot be
  // applied: leave the row.
  std::vector<std::optional<Quantity>> head_units(heads.size());
  for (size_t i = 0; i < heads.size(); ++i) {
    head_units[i] = UnitOfOne(BracketedUnit(heads[i].text));
    if (head_units[i] && !aligned) return found;
  }

  std::optional<Quantity> label_unit, unit_cell;
  std::vector<std::optional<Figure>> figures(cells.size());
  for (size_t i = 0; i < cells.size(); ++i) {
    figures[i] = ReadFigure(cells[i].text);
    if (figures[i]) continue;
    if (!label_unit) label_unit = UnitOfOne(BracketedUnit(cells[i].text));
    bool under_unit_header = !aligned || heads[i].text.find("单位") != std::string_view::npos;
    if (!unit_cell && under_unit_header) unit_cell = UnitOfOne(cells[i].text);
  }

  // Modality by column and row, not by the label's words (地区生产总值增长 is a name here, not a
  // report): under a year before the table's latest (2020年 beside 2025年) a figure is the base
  // that was reached; a plan's indicator is binding (约束性) or expected (预期性); else the
  // section decides, as for a sentence without modal words.
  int latest_year = 0;
  std::vector<int> year_of(cells.size(), 0);
  for (size_t i = 0; i < heads.size(); ++i) {
    std::string_view h = heads[i].text;
    size_t at = h.find("年");  // 2025年, 2025年目标
    if (at == std::string_view::npos || at < 4) continue;
    auto year = ParseNumber(h.substr(at - 4, 4));
    if (!year || *year < 1949 || *year > 2100) continue;
    if (aligned) year_of[i] = static_cast<int>(*year);
    latest_year = std::max(latest_year, static_cast<int>(*year));
  }
  std::string row_modality = row.find("约束性") != std::string_view::npos ? "obligation"
                             : row.find("预期性") != std::string_view::npos ? "target"
                                                                            : ModalityCues({}, context).Classify(0, 0);
  // A figure before the row's label is its serial number (1 公路总里程 公里 9800 12000).
  size_t label = 0;
  while (label < cells.size() && figures[label]) ++label;
  for (size_t i = label; i < cells.size(); ++i) {
    if (!figures[i]) continue;
    std::optional<Quantity> unit = aligned ? head_units[i] : std::nullopt;
    if (!unit) unit = label_unit;
    if (!unit) unit = unit_cell;
    if (!unit) continue;
    Quantity q;
    q.start = static_cast<uint32_t>(cells[i].start);
    q.end = static_cast<uint32_t>(cells[i].end);
    q.text = std::string(cells[i].text);
    q.kind = unit->kind;
    q.unit = unit->unit;
    q.value = Scaled(figures[i]->number, *unit->value);
    if (!std::isfinite(*q.value)) continue;  // a run of 400 digits is no figure
    q.bound = figures[i]->bound;
    q.modality = year_of[i] && year_of[i] < latest_year ? "achievement" : row_modality;
    found.push_back(std::move(q));
  }
  if (found.empty()) return found;  // the caller reads the line as a sentence
  // A cell of text after the label may hold quantities of its own (建设内容: 新建道路12公里,
  // 完成时限: 2024年底): read as a sentence, in the row's place.
  bool any_text_quantity = false;
  for (size_t i = label + 1; i < cells.size(); ++i) {
    if (figures[i] || cells[i].text.empty()) continue;
    bool digit = std::any_of(cells[i].text.begin(), cells[i].text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digit) continue;
    for (Quantity& q : ExtractQuantities(cells[i].text, context)) {
      q.start += static_cast<uint32_t>(cells[i].start);
      q.end += static_cast<uint32_t>(cells[i].start);
      found.push_back(std::move(q));
      any_text_quantity = true;
    }
  }
  if (any_text_quantity)
    std::stable_sort(found.begin(), found.end(), [](const Quantity& a, const Quantity& b) { return a.start < b.start; });
  return found;
}

}  // namespace

// A table set in full-width figures (full_width.h) is read through its folded copy.
std::vector<Quantity> ExtractTableRow(std::string_view row, std::string_view header, std::string_view context) {
  std::optional<FoldedFigures> folded = FoldFullWidthFigures(row);
  if (!folded) return ExtractRowOfAsciiFigures(row, header, context);
  std::optional<FoldedFigures> folded_header = FoldFullWidthFigures(header);
  std::optional<FoldedFigures> folded_context = FoldFullWidthFigures(context);
  std::vector<Quantity> found =
      ExtractRowOfAsciiFigures(folded->text, folded_header ? std::string_view(folded_header->text) : header,
                               folded_context ? std::string_view(folded_context->text) : context);
  for (Quantity& q : found) {
    q.start = folded->to_original[q.start];
    q.end = folded->to_original[q.end];
    q.text = std::string(row.substr(q.start, q.end - q.start));
  }
  return found;
}

}  // namespace pledge
