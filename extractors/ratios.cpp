#include "extractors/ratios.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>

#include "extractors/chinese_number.h"

namespace pledge {
namespace {

constexpr std::string_view kMarks[] = {":", "：", "∶", "比"};
constexpr std::string_view kChineseNumerals[] = {"零", "〇", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万"};

// The Chinese numeral character starting at `at`, or 0 bytes.
size_t ChineseNumeralAt(std::string_view s, size_t at) {
  for (std::string_view numeral : kChineseNumerals)
    if (s.substr(at).starts_with(numeral)) return numeral.size();
  return 0;
}
size_t ChineseNumeralBefore(std::string_view s, size_t end) {
  for (std::string_view numeral : kChineseNumerals)
    if (s.substr(0, end).ends_with(numeral)) return numeral.size();
  return 0;
}

struct Term {
  size_t start, end;
  double value;
  bool chinese;
};

// The term ending at `end` (before a mark).
std::optional<Term> TermBefore(std::string_view s, size_t end) {
  size_t start = end;
  if (start > 0 && std::isdigit(static_cast<unsigned char>(s[start - 1]))) {
    while (start > 0 && (std::isdigit(static_cast<unsigned char>(s[start - 1])) || s[start - 1] == '.')) --start;
    if (s[start] == '.') return std::nullopt;  // .5: a list's or a sentence's dot, not a decimal
    auto value = ParseNumber(s.substr(start, end - start));
    if (!value) return std::nullopt;
    return Term{start, end, *value, false};
  }
  while (size_t n = ChineseNumeralBefore(s, start)) start -= n;
  if (start == end) return std::nullopt;
  auto value = ParseNumber(s.substr(start, end - start));
  if (!value) return std::nullopt;
  return Term{start, end, *value, true};
}

// The term starting at `start` (after a mark), in the script of the first term.
std::optional<Term> TermAt(std::string_view s, size_t start, bool chinese) {
  size_t end = start;
  if (!chinese) {
    while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
    if (end == start) return std::nullopt;
    if (end + 1 < s.size() && s[end] == '.' && std::isdigit(static_cast<unsigned char>(s[end + 1]))) {
      ++end;
      while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
    }
    // 1:5万, 1:1千: a map's scale written with a multiplier.
    for (std::string_view multiplier : {"万", "千"})
      if (s.substr(end).starts_with(multiplier)) end += multiplier.size();
  } else {
    while (size_t n = ChineseNumeralAt(s, end)) end += n;
    if (end == start) return std::nullopt;
  }
  auto value = ParseNumber(s.substr(start, end - start));
  if (!value) return std::nullopt;
  return Term{start, end, *value, chinese};
}

// The clause around [start, end): between the marks that end clauses, and no more than
// kMaxClause bytes either side (a text without punctuation must not make every ratio in it
// scan all of it).
constexpr size_t kMaxClause = 240;
std::string_view Clause(std::string_view s, size_t start, size_t end) {
  size_t begin = start > kMaxClause ? start - kMaxClause : 0, finish = std::min(s.size(), end + kMaxClause);
  std::string_view before = s.substr(begin, start - begin), after = s.substr(end, finish - end);
  for (std::string_view mark : {"，", "。", "；", "！", "？"}) {
    if (size_t at = before.rfind(mark); at != std::string_view::npos) begin = std::max(begin, start - before.size() + at + mark.size());
    if (size_t at = after.find(mark); at != std::string_view::npos) finish = std::min(finish, end + at);
  }
  // Onto characters' starts: a bound may have fallen inside one.
  while (begin < start && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) ++begin;
  while (finish > end && finish < s.size() && (static_cast<unsigned char>(s[finish]) & 0xC0) == 0x80) --finish;
  return s.substr(begin, finish - begin);
}

// Whether the clause around [start, end) speaks of a ratio: 按1:1比例, 师生比1:19, 1比1配套,
// 省市县分担. The ratio's own 比 does not count: only the clause's text either side of it.
bool SpeaksOfRatio(std::string_view s, size_t start, size_t end) {
  std::string_view clause = Clause(s, start, end);
  size_t offset = static_cast<size_t>(s.data() + start - clause.data());
  std::string_view sides[] = {clause.substr(0, offset), clause.substr(offset + (end - start))};
  for (std::string_view word : {"比", "配套", "匹配", "分担", "承担", "分成", "分配", "负担"})
    for (std::string_view side : sides)
      if (side.find(word) != std::string_view::npos) return true;
  return false;
}

// 9:30, 14:30:00: two-digit minutes (and seconds) after an hour.
bool ClockLike(std::string_view s, const std::vector<Term>& terms) {
  if (terms.size() > 3 || terms.front().chinese) return false;
  if (terms.front().end - terms.front().start > 2 || terms.front().value > 24) return false;
  for (size_t k = 1; k < terms.size(); ++k)
    if (terms[k].end - terms[k].start != 2 || terms[k].value > 59 || !std::isdigit(static_cast<unsigned char>(s[terms[k].start]))) return false;
  return true;
}

bool LabelBefore(std::string_view s, size_t start) {
  for (std::string_view label : {"第", "表", "图", "件", "条", "款", "号", "期", "版"})
    if (s.substr(0, start).ends_with(label)) return true;
  return false;
}

bool DateOrUnitAfter(std::string_view s, size_t end) {
  std::string_view rest = s.substr(end);
  for (std::string_view next : {"年", "月", "日", "号", "时", "点", "分", "秒", "%", "％", "‰", "届", "次", "个", "名", "人"})
    if (rest.starts_with(next)) return true;
  return false;
}

}  // namespace

std::vector<RatioMention> FindRatios(std::string_view s) {
  std::vector<RatioMention> found;
  // Every place a mark occurs, in text order (a byte search per mark).
  std::vector<std::pair<size_t, std::string_view>> marks;
  for (std::string_view mark : kMarks)
    for (size_t at = s.find(mark); at != std::string_view::npos; at = s.find(mark, at + mark.size())) marks.emplace_back(at, mark);
  if (marks.empty()) return found;
  std::sort(marks.begin(), marks.end());
  size_t consumed = 0;
  for (const auto& [at, mark] : marks) {
    if (at < consumed) continue;
    auto first = TermBefore(s, at);
    if (!first || first->start < consumed) continue;
    // A digit or letter glued before the first term belongs to something else (a code, a name).
    if (first->start > 0 && (std::isalnum(static_cast<unsigned char>(s[first->start - 1])) || s[first->start - 1] == '.')) continue;
    std::vector<Term> terms{*first};
    size_t end = at;
    while (s.substr(end).starts_with(mark)) {
      auto next = TermAt(s, end + mark.size(), first->chinese);
      if (!next) break;
      terms.push_back(*next);
      end = next->end;
    }
    if (terms.size() < 2) continue;
    // The chain's marks are passed over whether it is a ratio or not: a later mark of it read
    // again as a chain's start would make a long chain (1:1:1:…:1年) quadratic, and a tail of a
    // chain that is no ratio (第3:2:1) is none either.
    consumed = end;
    if (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '.')) continue;
    if (LabelBefore(s, first->start) || DateOrUnitAfter(s, end)) continue;
    if (std::any_of(terms.begin(), terms.end(), [](const Term& t) { return !(t.value > 0) || !std::isfinite(t.value); })) continue;
    if ((mark == "比" || ClockLike(s, terms)) && !SpeaksOfRatio(s, first->start, end)) continue;
    // A Chinese ratio is written with 比 only: 一：二 is a list's numbering.
    if (first->chinese && mark != "比") continue;
    RatioMention ratio;
    ratio.start = static_cast<uint32_t>(first->start);
    ratio.end = static_cast<uint32_t>(end);
    for (const Term& t : terms) ratio.terms.push_back(t.value);
    found.push_back(std::move(ratio));
  }
  return found;
}

}  // namespace pledge
