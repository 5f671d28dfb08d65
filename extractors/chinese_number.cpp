#include "extractors/chinese_number.h"

#include <unicode/utf8.h>

#include <cmath>
#include <string>
#include <vector>

namespace pledge {
namespace {

struct Char { char32_t c; size_t start, end; };

std::vector<Char> CodePoints(std::string_view s) {
  std::vector<Char> out;
  auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT_OR_FFFD(p, i, n, c);
    out.push_back({static_cast<char32_t>(c), static_cast<size_t>(start), static_cast<size_t>(i)});
  }
  return out;
}

double UnitValue(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    case U'万': case U'萬': return 1e4;
    case U'亿': case U'億': return 1e8;
  }
  return 0;
}

bool IsDigitRun(const std::vector<Char>& chars, size_t from, size_t count) {
  if (from + count > chars.size()) return false;
  for (size_t k = from; k < from + count; ++k)
    if (chars[k].c < '0' || chars[k].c > '9') return false;
  return from + count == chars.size() || chars[from + count].c < '0' || chars[from + count].c > '9';
}

// Parses an Arabic number (digits, thousands commas, one decimal point) at chars[i].
std::optional<double> ArabicAt(std::string_view text, const std::vector<Char>& chars, size_t& i) {
  size_t start = i;
  std::string digits;
  bool dot = false;
  while (i < chars.size()) {
    char32_t c = chars[i].c;
    if (c >= '0' && c <= '9') { digits.push_back(static_cast<char>(c)); ++i; continue; }
    if (c == ',' && !dot && i + 3 < chars.size() + 1 && IsDigitRun(chars, i + 1, 3)) { ++i; continue; }
    if (c == '.' && !dot && i + 1 < chars.size() && chars[i + 1].c >= '0' && chars[i + 1].c <= '9') {
      dot = true; digits.push_back('.'); ++i; continue;
    }
    break;
  }
  (void)text;
  // More digits than any real amount has: not a number we can state exactly (and stod would throw).
  if (i == start || digits.empty() || digits.size() > 40) return std::nullopt;
  return std::stod(digits);
}

}  // namespace

int DigitValue(char32_t c) {
  switch (c) {
    case U'零': case U'〇': case U'0': return 0;
    case U'一': case U'壹': case U'1': return 1;
    case U'二': case U'两': case U'贰': case U'貳': case U'2': return 2;
    case U'三': case U'叁': case U'參': case U'3': return 3;
    case U'四': case U'肆': case U'4': return 4;
    case U'五': case U'伍': case U'5': return 5;
    case U'六': case U'陆': case U'陸': case U'6': return 6;
    case U'七': case U'柒': case U'7': return 7;
    case U'八': case U'捌': case U'8': return 8;
    case U'九': case U'玖': case U'9': return 9;
  }
  return -1;
}

std::optional<double> ParseNumber(std::string_view text) {
  auto chars = CodePoints(text);
  if (chars.empty()) return std::nullopt;
  size_t i = 0;
  bool negative = false;
  if (chars[0].c == '-' || chars[0].c == U'负' || chars[0].c == U'負' || chars[0].c == U'－') { negative = true; ++i; }
  if (i >= chars.size()) return std::nullopt;

  // Digit-by-digit years and codes: 二〇三五, 一九九九 (no unit characters at all).
  bool has_unit = false, all_chinese_digits = true;
  for (size_t k = i; k < chars.size(); ++k) {
    if (UnitValue(chars[k].c) > 0) has_unit = true;
    if (DigitValue(chars[k].c) < 0 || (chars[k].c >= '0' && chars[k].c <= '9')) all_chinese_digits = false;
  }
  if (!has_unit && all_chinese_digits && chars.size() - i >= 2) {
    double v = 0;
    for (size_t k = i; k < chars.size(); ++k) v = v * 10 + DigitValue(chars[k].c);
    return negative ? -v : v;
  }

  double total = 0;     // completed 亿 groups
  double wan = 0;       // completed 万 group below 亿
  double section = 0;   // below 万
  double pending = -1;  // a number waiting for its unit
  double last_unit = 0; // the unit just applied, for 三千五 / 13万2
  bool after_zero = false, pending_is_single_digit = false;

  while (i < chars.size()) {
    char32_t c = chars[i].c;
    if (c >= '0' && c <= '9') {
      if (pending >= 0) return std::nullopt;  // two numbers in a row
      size_t start = i;
      auto v = ArabicAt(text, chars, i);
      if (!v) return std::nullopt;
      pending = *v;
      pending_is_single_digit = i - start == 1;
      continue;
    }
    if (c == U'点' || c == U'點') {  // 三点五, 十点二三三, 两千三点一: the integer part ends here
      if (pending < 0 && section == 0 && wan == 0 && total == 0) return std::nullopt;
      if (pending >= 0 && last_unit >= 100 && !after_zero && pending_is_single_digit) pending *= last_unit / 10;
      double integer = total + wan + section + std::max(pending, 0.0);
      double scale = 0.1, frac = 0;
      ++i;
      size_t digits = 0;
      while (i < chars.size() && DigitValue(chars[i].c) >= 0) {
        frac += DigitValue(chars[i].c) * scale;
        scale /= 10;
        ++i;
        ++digits;
      }
      if (digits == 0) return std::nullopt;
      double value = integer + frac;
      // 三点五亿: a multiplier may follow the decimals, and nothing else.
      for (; i < chars.size(); ++i) {
        double unit = UnitValue(chars[i].c);
        if (unit < 1e4) return std::nullopt;
        value *= unit;
      }
      return negative ? -value : value;
    }
    int d = DigitValue(c);
    if (d >= 0) {
      if (d == 0) {
        if (pending < 0 && section == 0 && wan == 0 && total == 0) pending = 0;  // 零点五
        else after_zero = true;
        ++i;
        continue;
      }
      if (pending >= 0) return std::nullopt;
      pending = d;
      pending_is_single_digit = true;
      ++i;
      continue;
    }
    double unit = UnitValue(c);
    if (unit == 0) return std::nullopt;
    if (unit < 1e4) {
      double n = pending >= 0 ? pending : 1;  // 十五: an implicit 一
      section += n * unit;
    } else if (unit == 1e4) {
      double group = section + (pending >= 0 ? pending : 0);
      if (group == 0) group = 1;
      wan += group * 1e4;
      section = 0;
    } else {  // 亿, also 万亿
      double group = wan + section + (pending >= 0 ? pending : 0);
      if (group == 0) group = 1;
      total = (total + group) * 1e8;
      wan = section = 0;
    }
    last_unit = unit;
    pending = -1;
    after_zero = false;
    ++i;
  }
  if (pending >= 0) {
    // 三千五 = 3500 and 13万2 = 132000: a bare trailing digit takes the next lower unit,
    // unless a 零 stood between (一百零五 = 105).
    if (last_unit >= 100 && !after_zero && pending_is_single_digit) pending *= last_unit / 10;
    section += pending;
  }
  double value = total + wan + section;
  if (!std::isfinite(value)) return std::nullopt;
  return negative ? -value : value;
}

std::optional<double> ParseFraction(std::string_view text) {
  static constexpr std::string_view kOf = "分之";
  size_t of = text.find(kOf);
  if (of == std::string_view::npos || of == 0) return std::nullopt;
  auto denominator = ParseNumber(text.substr(0, of));
  auto numerator = ParseNumber(text.substr(of + kOf.size()));
  if (!denominator || !numerator || *denominator == 0) return std::nullopt;
  return *numerator / *denominator;
}

std::optional<std::pair<double, double>> ParseAdjacentRange(std::string_view text) {
  auto chars = CodePoints(text);
  // A sign has no place in an approximate range (负二三十 is not a range of negatives).
  if (!chars.empty() && (chars[0].c == '-' || chars[0].c == U'－' || chars[0].c == U'负' || chars[0].c == U'負')) return std::nullopt;
  // Exactly two digits, none of them zero: 二〇三五 is a year, not a range.
  size_t digits = 0;
  for (const Char& ch : chars) digits += DigitValue(ch.c) >= 0;
  if (digits != 2) return std::nullopt;
  // Find two adjacent digits d, d+1 (or d, d+2 as in 三五), not both Arabic.
  for (size_t k = 0; k + 1 < chars.size(); ++k) {
    int a = DigitValue(chars[k].c), b = DigitValue(chars[k + 1].c);
    if (a <= 0 || b <= 0 || b <= a || b - a > 2) continue;
    if (chars[k].c < 0x80 || chars[k + 1].c < 0x80) return std::nullopt;
    std::string prefix(text.substr(0, chars[k].start));
    std::string suffix(text.substr(chars[k + 1].end));
    // 二三十 → 二十, 三十; 十二三 → 十二, 十三; 三五 → 三, 五
    std::string low_text = prefix + std::string(text.substr(chars[k].start, chars[k].end - chars[k].start)) + suffix;
    std::string high_text = prefix + std::string(text.substr(chars[k + 1].start, chars[k + 1].end - chars[k + 1].start)) + suffix;
    auto low = ParseNumber(low_text), high = ParseNumber(high_text);
    if (!low || !high || *low > *high) return std::nullopt;  // 负/－ signs: not a range we state
    return std::make_pair(*low, *high);
  }
  return std::nullopt;
}

}  // namespace pledge
