#include "pipeline/rules/table_rows.h"

#include <algorithm>

#include "pipeline/unicode_util.h"

namespace pledge::rules {
namespace {

struct Cells {
  int count = 0, numbers = 0, one_character = 0;
  int not_given = 0;  // of the numbers, cells that stand for a figure not given (—)
  int years = 0;      // of the numbers, cells that name a year (2025年, 2025年目标): a header's
  bool han = false;
  bool label = false;  // a cell of two or more characters with hanzi: a row's label (规章, 地区生产总值)
  bool prose = false;  // Chinese sentence punctuation: a sentence, not cells
  bool last_number = false;  // the cell before was a bare figure
  bool spaced_date = false;  // a figure's 年, 月 or 日 in a cell of its own: a date letter-spaced (2024 年 7 月)
};

// One cell's part in the row's counts. A cell between bars may hold a sentence of its own
// (建设内容: 新建道路12公里，改造桥梁3座): the bars, not the punctuation, say it is a cell.
void AddCell(Cells& cells, std::string_view cell, bool barred = false) {
  ++cells.count;
  bool after_number = cells.last_number;
  cells.last_number = false;
  if (cell.empty()) return;  // a barred row's empty cell (the corner above the labels)
  if (!barred && after_number && (cell.starts_with("年") || cell.starts_with("月") || cell.starts_with("日")))
    cells.spaced_date = true;
  // A figure may carry a sign or a comparison (-2.1, >7, ≥85), or stand in brackets: a plan's
  // five-year total (〔13.5〕).
  size_t figure_at = 0, number_at = 0;
  if (UChar32 open = Utf8At(cell, 0, &figure_at); open != U'〔' && open != U'［' && open != '[') figure_at = 0;
  if (UChar32 sign = Utf8At(cell, figure_at, &number_at);
      sign != '-' && sign != '+' && sign != '>' && sign != '<' && sign != U'≥' && sign != U'≤' && sign != U'＞' &&
      sign != U'＜')
    number_at = figure_at;
  bool number = number_at < cell.size() && IsAsciiDigit(static_cast<unsigned char>(cell[number_at]));
  size_t characters = 0;
  bool cell_han = false;
  UChar32 previous = 0;
  for (size_t i = 0; i < cell.size();) {
    UChar32 c = Utf8At(cell, i, &i);
    // ASCII marks do not make prose (12.5%, 1,200, PM2.5, 1.公路), unless they follow a hanzi:
    // then they are a sentence's, typed in ASCII (工程,每年…专项 10 项以上.到 2025 年), which
    // cjk_punct will make Chinese.
    bool ascii_clause_mark = IsHan(previous) && (c == ',' || c == '.' || c == ';' || c == '!' || c == '?');
    if (!barred && (c == U'。' || c == U'，' || c == U'；' || c == U'！' || c == U'？' || ascii_clause_mark)) cells.prose = true;
    cell_han |= IsHan(c);
    ++characters;
    previous = c;
  }
  cells.han |= cell_han;
  cells.label |= cell_han && characters >= 2;
  // A dash or slash alone stands for a figure not given (2020年 — 2025年 6左右).
  bool no_figure = cell == "—" || cell == "——" || cell == "-" || cell == "--" || cell == "－" || cell == "/";
  cells.numbers += number || no_figure;
  // A bare figure (2024, not 2025年), which a letter-spaced date's 年 follows.
  cells.last_number = number && std::all_of(cell.begin(), cell.end(), [](char d) { return IsAsciiDigit(d); });
  cells.not_given += no_figure;
  cells.years += number && cell.size() >= 7 && std::all_of(cell.begin(), cell.begin() + 4, [](char d) { return IsAsciiDigit(d); }) &&
                 cell.substr(4, 3) == "年";
  // A figure of one digit (规章 0 0 0) is a cell like any other; a word of one character is a
  // letter set apart (2 0 2 4 年 工 作 要 点).
  cells.one_character += characters == 1 && !no_figure && !number;
}

Cells SplitCells(std::string_view line) {
  Cells cells;
  if (BarCount(line) >= 2) {
    ForEachBarredCell(line, [&](size_t start, size_t end) { AddCell(cells, line.substr(start, end - start), true); });
    return cells;
  }
  ForEachSpacedCell(line, [&](size_t start, size_t end) { AddCell(cells, line.substr(start, end - start)); });
  return cells;
}

// Three or more cells of words, not letters (2 0 2 4 年 工 作 要 点) nor a date letter-spaced
// (本办法自 2024 年 7 月 1 日起): most cells that are not figures are longer than one character,
// and one cell at least is a word of hanzi.
bool CellsOfWords(const Cells& cells) {
  return !cells.prose && !cells.spaced_date && cells.count >= 3 && cells.label && cells.one_character * 2 < cells.count;
}

// Fewer than `n` spaces: too few cells, known without decoding the line (most lines of prose
// have no space at all).
bool FewerSpacesThan(std::string_view line, int n) {
  for (size_t at = line.find(' '); at != std::string_view::npos && n > 0; at = line.find(' ', at + 1)) --n;
  // U+3000 too: the character map may leave one (an indent, 第一章　总则).
  constexpr std::string_view kIdeographic = "\xE3\x80\x80";
  for (size_t at = line.find(kIdeographic); at != std::string_view::npos && n > 0; at = line.find(kIdeographic, at + 3)) --n;
  return n > 0;
}

}  // namespace

bool IsTableRow(std::string_view line) {
  if (line.size() > kLongestTableRow || (FewerSpacesThan(line, 2) && BarCount(line) < 2)) return false;
  Cells cells = SplitCells(line);
  return CellsOfWords(cells) && cells.numbers >= 2 && cells.numbers > cells.not_given;
}

int CellCount(std::string_view line) { return SplitCells(line.substr(0, kLongestTableRow + 1)).count; }

bool IsTableHeader(std::string_view line, std::string_view next) {
  if (line.size() > kLongestTableRow || (FewerSpacesThan(line, 2) && BarCount(line) < 2) || !IsTableRow(next)) return false;
  Cells cells = SplitCells(line);
  if (!CellsOfWords(cells) || cells.numbers != cells.years) return false;
  // Years over figures (指标 2020年 2025年 / 地区生产总值 4500 6000), not a row of years under them.
  Cells below = SplitCells(next);
  return cells.years == 0 || below.numbers > below.years;
}

bool SpacesSeparateWords(std::string_view line) {
  if (line.size() > kLongestTableRow || (FewerSpacesThan(line, 1) && BarCount(line) < 2)) return false;
  Cells words = SplitCells(line);
  return !words.prose && words.count >= 2 && words.one_character * 2 < words.count;
}

}  // namespace pledge::rules
