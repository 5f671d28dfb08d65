// Ratios: 按1:1比例配套, 师生比1∶19, 按5：3：2的比例分担, 按照一比一配套, 比例尺1:5万.
//
// Contract:
//   FindRatios(sentence) returns every ratio written as two or more numbers joined by a ratio
//   mark (ASCII `:`, full-width `：`, the ratio sign `∶` U+2236, or 比), in order, spans not
//   overlapping, each with its terms' values. A term is Arabic (decimals and a trailing 万 or
//   千 allowed: 1:5万) or Chinese (一比一); the terms of one ratio share their script and mark.
//   Not ratios:
//     - a clock time (9:30, 14:30:00) unless the clause speaks of a ratio (比例, 师生比, 配套,
//       分担 …);
//     - numbers joined by 比 where the clause does not speak of one (2023年比上年 has no term
//       after 比 anyway; 三比二 alone is a score);
//     - a label's number before its colon (附件1：2024年…, 第一：): a term right before 年月日
//       or after 第, 表, 图, 件 ends the match;
//     - a zero term (1:0 divides by nothing).
//   Linear in the sentence; no regex (the marks are found by byte search).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace pledge {

struct RatioMention {
  uint32_t start = 0, end = 0;  // byte span of the whole ratio, first term to last
  std::vector<double> terms;    // 5:3:2 → {5, 3, 2}
};

std::vector<RatioMention> FindRatios(std::string_view sentence);

}  // namespace pledge
