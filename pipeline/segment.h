// Segment: normalized text → articles, sections and sentences.
//
// Contract:
//   SegmentText(text) returns the sentences of `text` in order, each a byte span [start, end)
//   of `text` with surrounding spaces trimmed, never empty, never overlapping. A sentence ends
//   after 。！？； (with any closing quote or bracket that follows) or at a line end.
//   Articles begin at a line that starts with an ASCII space (how scraped pages concatenate
//   articles; only where fewer than one line in four is indented, and never at Chinese
//   typography's U+3000 indent, which many documents put before every paragraph) or with a
//   第…篇/章 marker; sections are the heading markers of Chinese official documents,
//   nested by level (see rules/headings.h), with a law's 第…节 and 第…条 between the chapter and
//   一、 (第二章 > 第三条 > （一）). `section` is the path, e.g. "第四篇 > 二、 > （一）";
//   `context` holds the texts of the article title and those headings ("二、2025年主要目标 / …"),
//   which tells extraction whether a section reviews results or sets targets. A line that is a
//   table row is one sentence, marked `table_row`, with the header line of its table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pledge {

struct Sentence {
  uint32_t start = 0, end = 0;  // byte span in the normalized text
  int article = 0;              // 1-based
  std::string section;
  std::string context;  // the article title and heading texts on the path: what the section is about
  // A row of a statistical table (rules/table_rows.h), and the header line of its table ("" when
  // none was found): extraction reads its cells by column.
  bool table_row = false;
  std::string table_header;
};

std::vector<Sentence> SegmentText(std::string_view text);

}  // namespace pledge
