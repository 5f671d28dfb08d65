#include "extractors/chinese_number.h"

#include <unicode/utf8.h>

#include <charconv>
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
  size_t group = 0;  // digits since the number's start or its last separator
  while (i < chars.size()) {
    char32_t c = chars[i].c;
    if (c >= '0' && c <= '9') { digits.push_back(static_cast<char>(c)); ++i; ++group; continue; }
    if (c == ',' && !dot && i + 3 < chars.size() + 1 && IsDigitRun(chars, i + 1, 3)) { ++i; group = 0; continue; }
    // A space between groups of three (12 345, GB/T 15835's 千分空): after a first group of one
    // to three digits, or a group of three.
    if (c == ' ' && !dot && group <= 3 && IsDigitRun(chars, i + 1, 3)) { ++i; group = 0; continue; }
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
    case U'零': case U'〇': case U'○': case U'0': return 0;
    case U'一': case U'壹': case U'1': return 1;
    case U'二': case U'两': case U'俩': case U'倆': case U'贰': case U'貳': case U'2': return 2;
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

namespace {

bool IsSign(char32_t c) { return c == '-' || c == U'－' || c == U'负' || c == U'負'; }
bool IsArabicDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsChineseDigit(char32_t c) { return DigitValue(c) >= 0 && !IsArabicDigit(c); }
// 两 and 俩 count things (两百, 俩人); they never spell digits of a year or a decimal.
bool IsCountingTwo(char32_t c) { return c == U'两' || c == U'俩' || c == U'倆'; }

// Skips spaces at chars[i] when a numeral character follows them (7 万5 千, 1000  万); returns
// the index of that character, or i unchanged when the spaces end the number.
size_t SkipInnerSpaces(const std::vector<Char>& chars, size_t i) {
  size_t k = i;
  while (k < chars.size() && chars[k].c == ' ') ++k;
  if (k == i || k == chars.size()) return i;
  char32_t c = chars[k].c;
  return DigitValue(c) >= 0 || UnitValue(c) > 0 || c == U'兆' ? k : i;
}

// 2^5, 1.1^+23, 2.5^-1: a power written with a caret (signs before the exponent multiply).
std::optional<double> PowerAt(const std::vector<Char>& chars, size_t& i, double base) {
  size_t k = i + 1;
  bool negative = false;
  while (k < chars.size() && (chars[k].c == '-' || chars[k].c == '+')) negative ^= chars[k++].c == '-';
  size_t digits_start = k;
  double exponent = 0;
  while (k < chars.size() && IsArabicDigit(chars[k].c) && k - digits_start < 4) exponent = exponent * 10 + (chars[k++].c - '0');
  if (k == digits_start || (k < chars.size() && IsArabicDigit(chars[k].c))) return std::nullopt;
  double value = std::pow(base, negative ? -exponent : exponent);
  if (!std::isfinite(value)) return std::nullopt;
  i = k;
  return value;
}

}  // namespace

std::optional<NumberPrefix> ParseNumberPrefix(std::string_view text) {
  auto chars = CodePoints(text);
  if (chars.empty()) return std::nullopt;
  size_t i = 0;
  bool negative = false;
  if (IsSign(chars[0].c)) { negative = true; ++i; }
  if (i >= chars.size()) return std::nullopt;
  auto result = [&](double value, size_t end) -> std::optional<NumberPrefix> {
    if (!std::isfinite(value) || end == 0) return std::nullopt;
    return NumberPrefix{negative ? -value : value, end == chars.size() ? text.size() : chars[end].start};
  };

  // Digit-by-digit years and codes: 二〇三五, 一九九九 (two or more Chinese digits in a row,
  // never 两: 两两 is a word, not 22).
  if (i + 1 < chars.size() && IsChineseDigit(chars[i].c) && IsChineseDigit(chars[i + 1].c) &&
      !IsCountingTwo(chars[i].c) && !IsCountingTwo(chars[i + 1].c)) {
    double v = 0;
    size_t k = i;
    while (k < chars.size() && IsChineseDigit(chars[k].c) && !IsCountingTwo(chars[k].c)) v = v * 10 + DigitValue(chars[k++].c);
    // A unit after the run (二三十, 十四五 start differently): the run is not one number.
    if (k < chars.size() && (UnitValue(chars[k].c) > 0 || chars[k].c == U'点')) return std::nullopt;
    return result(v, k);
  }
  // .5, -.5: a decimal with its leading zero left out.
  if (chars[i].c == '.' && i + 1 < chars.size() && IsArabicDigit(chars[i + 1].c)) {
    double v = 0, scale = 0.1;
    size_t k = i + 1;
    for (; k < chars.size() && IsArabicDigit(chars[k].c) && k - i < 40; ++k, scale /= 10) v += (chars[k].c - '0') * scale;
    return result(v, k);
  }

  double high = 0;      // completed 兆 groups (10^12, as in 五兆六十二亿)
  double total = 0;     // completed 亿 groups
  double wan = 0;       // completed 万 group below 亿
  double section = 0;   // below 万
  double pending = -1;  // a number waiting for its unit
  double last_unit = 0; // the unit just applied, for 三千五 / 13万2
  double section_unit = 1e18;  // the smallest unit used in the current section (千 > 百 > 十)
  bool after_zero = false, pending_is_single_digit = false;
  size_t end = i;       // where the number read so far ends

  while (i < chars.size()) {
    char32_t c = chars[i].c;
    if (c == ' ') {
      size_t next = SkipInnerSpaces(chars, i);
      if (next == i) break;
      i = next;
      continue;
    }
    if (IsArabicDigit(c)) {
      if (pending >= 0) break;  // two numbers in a row
      size_t start = i;
      auto v = ArabicAt(text, chars, i);
      if (!v) return std::nullopt;
      pending = *v;
      pending_is_single_digit = i - start == 1;
      if (i < chars.size() && chars[i].c == '^' && section == 0 && wan == 0 && total == 0 && high == 0) {
        auto power = PowerAt(chars, i, pending);
        if (!power) return std::nullopt;
        return result(*power, i);
      }
      end = i;
      continue;
    }
    if (c == U'点' || c == U'點') {  // 三点五, 十点二三三, 两千三点一: the integer part ends here
      if (pending < 0 && section == 0 && wan == 0 && total == 0 && high == 0) break;
      size_t k = i + 1;
      double scale = 0.1, frac = 0;
      // 两 is never a decimal digit: 两百点两 is 两百, then 两.
      for (; k < chars.size() && DigitValue(chars[k].c) >= 0 && !IsCountingTwo(chars[k].c); ++k, scale /= 10)
        frac += DigitValue(chars[k].c) * scale;
      if (k == i + 1) break;
      if (pending >= 0 && last_unit >= 100 && !after_zero && pending_is_single_digit) pending *= last_unit / 10;
      double value = high + total + wan + section + std::max(pending, 0.0) + frac;
      // 三点五亿: a multiplier may follow the decimals.
      while (k < chars.size() && UnitValue(chars[k].c) >= 1e4) value *= UnitValue(chars[k++].c);
      return result(value, k);
    }
    int d = DigitValue(c);
    if (d >= 0) {
      if (pending >= 0) break;  // two numbers in a row: 十四五
      if (d == 0) {
        after_zero = true;  // 一百零五; a leading 零 (零十, 零点五) just reads as nothing yet
        if (section == 0 && wan == 0 && total == 0 && high == 0 && i + 1 < chars.size() &&
            (chars[i + 1].c == U'点' || chars[i + 1].c == U'點'))
          pending = 0, pending_is_single_digit = true;
        ++i;
        end = i;
        continue;
      }
      pending = d;
      pending_is_single_digit = true;
      ++i;
      end = i;
      continue;
    }
    double unit = c == U'兆' ? 1e12 : UnitValue(c);
    if (unit == 0) break;
    if (unit < 1e4) {
      if (unit >= section_unit) break;  // 五十千, 七十百: units within a section only get smaller
      double n = pending >= 0 ? pending : 1;  // 十五: an implicit 一
      if (pending < 0 && (section > 0 || wan > 0 || total > 0 || high > 0) && !after_zero && unit != 10) break;
      section += n * unit;
      section_unit = unit;
    } else if (unit == 1e4) {
      double group = section + (pending >= 0 ? pending : 0);
      if (group == 0 && last_unit == 1e4 && pending < 0) {  // 万万 = 亿 (四万万, 10万万)
        total = (total + wan) * 1e4;
        wan = 0;
      } else {
        if (wan > 0) break;  // a second 万 group before any 亿: 三万四万 is two numbers
        if (group == 0) group = 1;
        wan += group * 1e4;
      }
      section = 0;
      section_unit = 1e18;
    } else if (unit == 1e8) {  // 亿, also 万亿
      double group = wan + section + (pending >= 0 ? pending : 0);
      if (total > 0) {  // only 亿亿 may follow a completed 亿 group; 三亿五亿 is two numbers
        if (group != 0 || last_unit != 1e8) break;
        total *= 1e8;
      } else {
        total = (group == 0 ? 1 : group) * 1e8;
      }
      wan = section = 0;
      section_unit = 1e18;
    } else {  // 兆
      if (high > 0) break;
      double group = total + wan + section + (pending >= 0 ? pending : 0);
      if (group == 0) group = 1;
      high = group * 1e12;
      total = wan = section = 0;
      section_unit = 1e18;
    }
    last_unit = unit;
    pending = -1;
    after_zero = false;
    ++i;
    end = i;
  }
  if (end == 0 || (end == 1 && negative)) return std::nullopt;
  if (pending >= 0) {
    // 三千五 = 3500 and 13万2 = 132000: a bare trailing digit takes the next lower unit,
    // unless a 零 stood between (一百零五 = 105).
    if (last_unit >= 100 && !after_zero && pending_is_single_digit) pending *= last_unit / 10;
    section += pending;
  } else if (last_unit == 0 && !after_zero) {
    return std::nullopt;
  }
  return result(high + total + wan + section, end);
}

std::optional<double> ParseNumber(std::string_view text) {
  auto prefix = ParseNumberPrefix(text);
  if (!prefix || prefix->length != text.size()) return std::nullopt;
  return prefix->value;
}

namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

constexpr std::string_view kFullwidthSlash = "／";

// Where the slash of 4/3 or 4／3 is, and how long it is.
std::pair<size_t, size_t> FindSlash(std::string_view text) {
  size_t ascii = text.find('/'), wide = text.find(kFullwidthSlash);
  if (ascii != std::string_view::npos && ascii < wide) return {ascii, 1};
  return {wide, kFullwidthSlash.size()};
}

// 4/3, -3/2: Arabic digits either side of a slash.
std::optional<double> SlashFraction(std::string_view text) {
  auto [slash, length] = FindSlash(text);
  if (slash == std::string_view::npos) return std::nullopt;
  auto numerator = ParseNumber(TrimSpaces(text.substr(0, slash)));
  auto denominator = ParseNumber(TrimSpaces(text.substr(slash + length)));
  if (!numerator || !denominator || *denominator == 0) return std::nullopt;
  return *numerator / *denominator;
}

}  // namespace

std::optional<double> ParseFraction(std::string_view text) {
  text = TrimSpaces(text);
  // A whole part before the fraction: 三百五十又三分之一, 1 3/5 (mixed numbers).
  std::string_view whole_text, fraction_text = text;
  static constexpr std::string_view kAnd = "又";
  if (size_t at = text.find(kAnd); at != std::string_view::npos) {
    whole_text = text.substr(0, at);
    fraction_text = text.substr(at + kAnd.size());
  } else if (size_t slash = FindSlash(text).first; slash != std::string_view::npos) {
    size_t space = text.rfind(' ', slash);
    if (space != std::string_view::npos && TrimSpaces(text.substr(space, slash - space)).size() > 0) {
      whole_text = text.substr(0, space);
      fraction_text = text.substr(space);
    }
  }
  std::optional<double> fraction;
  fraction_text = TrimSpaces(fraction_text);
  if (FindSlash(fraction_text).first != std::string_view::npos) {
    fraction = SlashFraction(fraction_text);
  } else {
    // 三分之一, 3 分  之 157: 分 and 之 may stand apart.
    static constexpr std::string_view kFen = "分", kZhi = "之";
    size_t fen = fraction_text.find(kFen);
    if (fen == std::string_view::npos || fen == 0) return std::nullopt;
    std::string_view rest = TrimSpaces(fraction_text.substr(fen + kFen.size()));
    if (rest.substr(0, kZhi.size()) != kZhi) return std::nullopt;
    auto denominator = ParseNumber(TrimSpaces(fraction_text.substr(0, fen)));
    auto numerator = ParseNumber(TrimSpaces(rest.substr(kZhi.size())));
    if (!denominator || !numerator || *denominator == 0) return std::nullopt;
    fraction = *numerator / *denominator;
  }
  if (!fraction) return std::nullopt;
  if (whole_text.empty()) return fraction;
  auto whole = ParseNumber(TrimSpaces(whole_text));
  if (!whole || *fraction < 0) return std::nullopt;
  // 负一又二分之一 = -1.5: the fraction takes the whole part's sign (signbit: 负零又二分之一 too).
  return std::signbit(*whole) ? *whole - *fraction : *whole + *fraction;
}

bool IsPerUnitFraction(std::string_view text) {
  text = TrimSpaces(text);
  size_t i = 0;
  auto chars = CodePoints(text.substr(0, 64));
  while (i < chars.size() && UnitValue(chars[i].c) > 0) ++i;
  if (i == 0 || i >= chars.size() || chars[i].c != U'分') return false;
  return true;
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

double Scaled(double number, double factor) {
  double product = number * factor;
  if (!std::isfinite(product) || product == 0) return product;
  char digits[32];
  auto written = std::to_chars(digits, digits + sizeof digits, product, std::chars_format::general, 15);
  double rounded = product;
  std::from_chars(digits, written.ptr, rounded);
  return rounded;
}

}  // namespace pledge
