// Lines whose spaces separate words or cells rather than damage them, shared by whitespace (such
// spaces stay, one each) and hard_wrap (a table row keeps its line break).
//
// Chinese prose has no spaces: one between hanzi in a sentence is damage (和新 的社会群体). But
// lines that are not sentences use a space to set words apart: 中共中央 国务院关于…的意见,
// 市长 王某某, 第一章 总则, and the cells of a table.
//
// Statistical tables in policy documents (主要指标, 项目清单) are often typed or pasted as lines
// of cells separated by spaces, U+3000 or tabs:
//
//   序号　指标名称　单位　2020年　2025年
//   1　公路总里程　公里　9800　12000
//
// Read as prose, the cells run together (公路总里程公里) and, worse, joining the rows makes
// numbers that were never written (12000 + 2 → 120002). A row is recognised after the
// character map, when every separator is a run of ASCII spaces, and again in normalized text,
// where each separator is one space: the same test both times keeps normalization idempotent.
#pragma once

#include <string_view>

#include "extractors/extract_table_row.h"

namespace pledge::rules {

// Whether `line` (without its line break) reads as a table row: at least three cells separated
// by spaces, no Chinese sentence punctuation (nor an ASCII , . ; ! ? right after a hanzi, a
// sentence's mark typed in ASCII), hanzi in some cell and at least two cells that are
// figures (9800, 2025年, 12.5%, -2.1, >7, a plan's five-year total 〔13.5〕, 0) or a dash for a
// figure not given (—), one at least a figure; most cells that are not figures longer than one
// character and one cell a word of hanzi (规章 0 0 0), so that letter-spaced text
// (2 0 2 4 年 工 作 要 点) is not taken for a row. A line longer than kLongestTableRow bytes is
// prose, so only that much of a line need be read.
constexpr size_t kLongestTableRow = 600;
bool IsTableRow(std::string_view line);
// The cells of `line` set apart by spaces, as a row counts them; only its first
// kLongestTableRow + 1 bytes are read (a longer line is no row).
int CellCount(std::string_view line);

// Whether `line` is the header of the table whose first row is `next`: cells as in a row, but
// words or years rather than figures (产品名称 单位 产量 比上年增长（%）, 指标 单位 2020年 2025年).
// A header of years is a row as well, for the spaces and breaks it keeps.
bool IsTableHeader(std::string_view line, std::string_view next);

// Rows drawn with bars (地区生产总值 | 617.50 | 5.2 |): extractors/extract_table_row.h.
using pledge::BarCount;
using pledge::ForEachBarredCell;

// Whether the spaces of `line` set words apart: a line that is not a sentence (no Chinese
// sentence punctuation), with at least two words, fewer than half of them one character long (a
// letter-spaced title, 政 府 工 作 报 告, is one word spaced out). Such a space stays between two
// words of two characters or more.
bool SpacesSeparateWords(std::string_view line);

}  // namespace pledge::rules
