// Number parsing: Arabic, Chinese, financial and mixed numerals → a value.
//
// Contract:
//   ParseNumber(text) reads the whole of `text` as one number and returns its value, or nullopt
//   when `text` is not exactly one number. It accepts:
//     Arabic        1,000  28.3  12000  -5
//     Chinese       两  十五  一百二十  一百零五  三千五  二〇三五 (digit by digit)  三点五
//     financial     壹仟贰佰  叁拾
//     mixed         4.5亿  1000万  3千万  1.2万亿  13万2 (= 132000)  两万五 (= 25000)
//     also          万万 (= 亿: 四万万)  兆 (10^12: 五兆六十二亿)  零十  .5  2^5  spaced 7 万5 千
//   Units within one section only get smaller (五十千 is not a number: 五十, then 千).
//   ParseNumberPrefix(text) reads the longest number at the start of text instead, for callers
//   that find where a number ends (五十千 → 50, length of 五十).
//   Fractions and percentages in words are separate (ParseFraction), as are ranges such as
//   二三十 (ParseAdjacentRange), because they do not denote one number.
//   No allocation-heavy work; linear in the length of text.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace pledge {

std::optional<double> ParseNumber(std::string_view text);

struct NumberPrefix {
  double value;
  size_t length;  // bytes of text read
};
std::optional<NumberPrefix> ParseNumberPrefix(std::string_view text);

// 三分之一 → 1/3, 百分之三十 → 0.30, 千分之五 → 0.005, 百万分之五 → 0.000005,
// 三百五十又三分之一 → 350.33, 4/3 → 1.33, 1 3/5 → 1.6; 五成 → not here (a unit, see extract).
// 分 and 之 may stand apart (3 分 之 1); signs on both parts cancel.
std::optional<double> ParseFraction(std::string_view text);

// Whether the denominator is units only (百分之, 千分之, 百万分之): a rate per hundred,
// thousand, million, which pledge reports as a percentage.
bool IsPerUnitFraction(std::string_view text);

// A written decimal times a power of ten, as the decimal it stands for: 162.7 × 1e8 is
// 16270000000.000002 in binary, and `value = 16270000000` in SQL must find it. Written figures
// have far fewer than 15 significant digits, so rounding to 15 loses nothing that was written.
double Scaled(double number, double factor);

// 二三十 → (20, 30), 七八十 → (70, 80), 三五 → (3, 5), 十二三 → (12, 13): adjacent digits
// naming an approximate range.
std::optional<std::pair<double, double>> ParseAdjacentRange(std::string_view text);

// Value of one Chinese or Arabic digit character, or -1.
int DigitValue(char32_t c);

}  // namespace pledge
