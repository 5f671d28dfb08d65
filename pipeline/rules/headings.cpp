#include "pipeline/rules/headings.h"

#include <re2/re2.h>

#include <algorithm>
#include <optional>

#include "extractors/chinese_number.h"
#include "pipeline/unicode_util.h"

namespace pledge {

HeadingMarker HeadingAt(std::string_view line) {
  // One alternation per level; the capture is the marker text.
  static const RE2 level0(R"(^(第[一二三四五六七八九十百零〇\d]+[篇章编部分])[：:\s]?)");
  static const RE2 level1(R"(^([一二三四五六七八九十]{1,3}、))");
  static const RE2 level2(R"(^([（(][一二三四五六七八九十]{1,3}[）)]))");
  static const RE2 level3(R"(^(\d{1,2}(?:、|\.|．)))");
  static const RE2 level4(R"(^([（(]\d{1,2}[）)]))");
  static const RE2* levels[] = {&level0, &level1, &level2, &level3, &level4};
  // Each level's marker opens with its own characters: most lines open with none of them and
  // are ruled out without a regex (this is asked of nearly every line, and by several passes).
  UChar32 first = line.empty() ? -1 : Utf8At(line, 0, nullptr);
  bool could_open[5] = {first == U'第', first != -1 && std::u32string_view(U"一二三四五六七八九十").find(first) != std::u32string_view::npos,
                        first == U'（' || first == '(', IsAsciiDigit(first), first == U'（' || first == '('};
  re2::StringPiece input(line.data(), line.size()), marker;
  for (int level = 0; level < 5; ++level) {
    if (could_open[level] && RE2::PartialMatch(input, *levels[level], &marker)) {
      // "1.5亿" is a number, not a heading: a level-3 marker must not be followed by a digit.
      if (level == 3 && marker.size() < line.size() && line[marker.size()] >= '0' && line[marker.size()] <= '9')
        return {};
      return {level, std::string_view(marker.data(), marker.size())};
    }
  }
  return {};
}

std::string_view LawUnitAt(std::string_view line) {
  if (!line.starts_with("第")) return {};  // most lines: no regex
  static const RE2 law_unit(R"(^(第[一二三四五六七八九十百千零〇两\d]{1,6}[节条款]))");
  re2::StringPiece input(line.data(), std::min<size_t>(line.size(), 40)), unit;
  if (!RE2::PartialMatch(input, law_unit, &unit)) return {};
  return std::string_view(unit.data(), unit.size());
}

std::string_view NumberedLabelAt(std::string_view line) {
  for (std::string_view label : {"专栏", "附件", "附表", "表", "图"}) {
    if (!line.starts_with(label)) continue;
    size_t end = label.size();
    while (end < line.size()) {
      size_t next;
      UChar32 c = Utf8At(line, end, &next);
      if (!IsAsciiDigit(c) && !ParseNumber(Utf8Of(c)).has_value()) break;
      end = next;
    }
    return end > label.size() ? line.substr(0, end) : std::string_view();
  }
  return {};
}

bool OpensLineAsNumber(std::string_view text, size_t at) {
  size_t from = at;
  for (int k = 0; k < 9 && from > 0 && text[from - 1] != '\n'; ++k) Utf8Before(text, from, &from);
  if (from > 0 && text[from - 1] != '\n') return false;
  from = std::min(at, SkipSpaces(text, from));
  std::string_view number = text.substr(from, at - from);
  if (number.empty()) return false;
  // 第一条 为了…, 第一章 总则, and a box's or a table's label: 专栏1 “十四五”…, 表2 主要指标.
  HeadingMarker heading = HeadingAt(number);
  return LawUnitAt(number) == number || (heading.level == 0 && heading.text == number) || NumberedLabelAt(number) == number;
}

namespace {

// Where the line holding `at` starts, if it starts at most `bound` bytes before `at`: the lines
// these tests look for are short, and a long line must not be scanned back at every space.
std::optional<size_t> LineStartWithin(std::string_view text, size_t at, size_t bound) {
  size_t from = at > bound ? at - bound : 0;
  size_t newline = text.substr(from, at - from).rfind('\n');
  if (newline == std::string_view::npos) return from == 0 ? std::optional<size_t>(0) : std::nullopt;
  return from + newline + 1;
}

// An agency or paper and a place, then the day it was filed (3月5日电, 三月五日电); or a paper's
// own story (本报讯, 本报北京讯). Its reporters may follow in brackets.
constexpr size_t kLongestDateline = 150;  // bytes: a place, a date, a few reporters' names
// Spaces may stand around the date's figures (新华社北京 3 月 5 日电: a page's or a PDF's spacing,
// which the whitespace pass removes in the same round that judges the space after the dateline).
const RE2& OpeningDateline() {
  static const RE2 dateline(
      R"(^((?:\p{Han}{2,12}[ \x{3000}]*[0-9０-９一二三四五六七八九十]{1,3}[ \x{3000}]*月[ \x{3000}]*)"
      R"([0-9０-９一二三四五六七八九十]{1,3}[ \x{3000}]*日[电讯])"
      R"(|本[报刊台网]\p{Han}{0,6}讯)(?:（[^（）\n]{1,40}）|\([^()\n]{1,40}\))?))");
  return dateline;
}

// The line up to `at`, past its indent, when it is short enough to be a dateline and ends as
// one does (电, 讯, or the bracket closing its reporters' names).
std::optional<std::string_view> DatelineCandidate(std::string_view text, size_t at) {
  std::string_view before = text.substr(0, at);
  if (!before.ends_with("电") && !before.ends_with("讯") && !before.ends_with("）") && !before.ends_with(")"))
    return std::nullopt;
  std::optional<size_t> line_start = LineStartWithin(text, at, kLongestDateline);
  if (!line_start) return std::nullopt;
  std::string_view line = text.substr(*line_start, at - *line_start);
  return line.substr(SkipSpaces(line, 0));
}

}  // namespace

bool MayOpenLineAsDateline(std::string_view text, size_t at) { return DatelineCandidate(text, at).has_value(); }

bool OpensLineAsDateline(std::string_view text, size_t at) {
  std::optional<std::string_view> line = DatelineCandidate(text, at);
  return line && !line->empty() && DatelineEnd(*line) == line->size();
}

size_t DatelineEnd(std::string_view line) {
  size_t indent = SkipSpaces(line, 0);
  std::string_view rest = line.substr(indent, kLongestDateline);
  if (rest.find("电") == std::string_view::npos && rest.find("讯") == std::string_view::npos) return 0;
  re2::StringPiece input(rest.data(), rest.size()), dateline;
  if (!RE2::PartialMatch(input, OpeningDateline(), &dateline)) return 0;
  return indent + dateline.size();
}

constexpr size_t kLongestLetterSpacedHeading = 80;  // bytes

bool InLetterSpacedHeading(std::string_view text, size_t at) {
  std::optional<size_t> start = LineStartWithin(text, at, kLongestLetterSpacedHeading);
  if (!start) return false;
  std::string_view rest = text.substr(*start, kLongestLetterSpacedHeading + 1);
  return IsLetterSpacedHeading(rest.substr(0, rest.find('\n')));
}

bool IsLetterSpacedHeading(std::string_view line) {
  if (line.size() > kLongestLetterSpacedHeading) return false;
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  line = line.substr(SkipSpaces(line, 0));
  // 第一章　: the opening number and its one space.
  size_t gap = line.find("\xE3\x80\x80");
  if (gap != std::string_view::npos && OpensLineAsNumber(line, gap) && !IdeographicSpaceAt(line, gap + 3))
    line.remove_prefix(gap + 3);
  int hanzi = 0, gaps = 0;
  for (size_t at = 0; at < line.size();) {
    size_t next;
    if (!IsHan(Utf8At(line, at, &next))) return false;
    ++hanzi;
    at = next;
    if (at == line.size()) break;
    size_t run = at;
    while (IdeographicSpaceAt(line, run)) run += 3;
    if (run == at || run - at > 9 || run == line.size()) return false;
    ++gaps;
    at = run;
  }
  return hanzi >= 2 && hanzi <= 4 && gaps == hanzi - 1;
}

// A date as a colophon writes it, as the character map sees it too: digits may be full-width,
// 月 and 日 a PDF's Kangxi radicals (⽉, ⽇).
#define COLOPHON_DATE R"([0-9０-９]{4}年[0-9０-９]{1,2}[月⽉][0-9０-９]{1,2}[日⽇])"

bool FieldFollows(std::string_view text, size_t at) {
  // The key's colon may still be ASCII, a zero-width space left in the key.
  static const RE2 field(R"((?:\p{Han}[\x{200B}-\x{200D}\x{FEFF}]?){1,8}[：:]|)" COLOPHON_DATE R"((?:印发|发布|签发)?\r?$)");
  // Up to the line's end, within 64 bytes: a long line is not scanned at every run.
  std::string_view ahead = text.substr(at, 64);
  ahead = ahead.substr(0, ahead.find('\n'));
  return field.Match(ahead, 0, ahead.size(), RE2::ANCHOR_START, nullptr, 0);
}

bool IssueDateFollows(std::string_view text, size_t at) {
  static const RE2 issue_date(COLOPHON_DATE "(?:印发|发布|签发)");
  std::string_view ahead = text.substr(at, 40);
  return issue_date.Match(ahead, 0, ahead.size(), RE2::ANCHOR_START, nullptr, 0);
}

}  // namespace pledge
