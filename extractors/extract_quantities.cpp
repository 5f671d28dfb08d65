#include "extractors/extract_quantities.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <bitset>
#include <memory>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <string>

#include "extractors/chinese_number.h"
#include "extractors/full_width.h"
#include "extractors/modality.h"
#include "extractors/quantity_rules.h"
#include "extractors/ratios.h"

namespace pledge {
namespace {

// ○ (U+25CB) is the zero of many older documents' years (二○○五年), typed for 〇.
#define CN_DIGIT "零〇○一二两俩倆三四五六七八九壹贰叁肆伍陆柒捌玖"
#define CN_UNIT "十百千万亿拾佰仟萬億兆"
#define SIGN "[负負－-]"
// Digits grouped by thousands with commas (1,000) or with spaces, the 千分空 GB/T 15835 allows
// (12 345; normalization makes a thin or no-break space an ASCII one).
#define ARABIC R"((?:\d{1,3}(?: \d{3})+\b(?:\.\d+)?|\d+(?:,\d{3})*(?:\.\d+)?|\.\d+))"
// Arabic digits mixed with unit characters (5万4千6百, 2千零30万, 13万2, 7 万5 千), a power
// (2^5), or Chinese numerals (spaces allowed between them: 一百 二 十) with an optional decimal
// part; a sign (负, a minus) may lead.
#define NUMBER "(?:" SIGN "?" ARABIC R"((?:\^[-+]*\d+)?(?: *[十百千万亿零兆]+(?: *\d+(?:\.\d+)?)?)*)" \
               "|" SIGN "?[" CN_DIGIT CN_UNIT "](?: *[" CN_DIGIT CN_UNIT "])*(?:[点點][" CN_DIGIT "]+[万亿]*)?)"
#define FRACTION_OF NUMBER " *分 *之 *" NUMBER

// Token kinds, in the order RE2 tries them at one position (leftmost-first): dates and times
// are consumed so that their parts never read as quantities. The order is Token::Kind's.
constexpr const char* kTokenKinds[] = {
    R"(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月(?:\d{1,2}[日号])?|\d{1,2}月\d{1,2}[日号]|\d{1,2}:\d{2})",
    "(?:百分之|千分之|万分之) *" NUMBER "|(?:" NUMBER " *又 *)?" FRACTION_OF
    "|" SIGN R"(?(?:\d+ +)?\b\d{1,3}[/／](?:\d{1,3}[万千]|\d{1,3}\b))" "|一半",
    NUMBER "%?\\s*(?:至|到|~|～|-|－|—{1,2}|–)\\s*" NUMBER,
    "(?:" NUMBER ")?[几幾][十百千万亿億]*|[数][十百千万亿]+|上[百千万亿]|半百",
    NUMBER,
};

std::string TokenPattern() {
  std::string pattern;
  for (const char* kind : kTokenKinds) pattern += std::string(pattern.empty() ? "" : "|") + "(?:" + kind + ")";
  return pattern;
}

// The token pattern is large (every Chinese numeral character, several forms): give RE2 room
// for its DFA, or it falls back to the much slower NFA on long inputs.
RE2::Options BigPatternOptions() {
  RE2::Options options;
  options.set_max_mem(64 << 20);
  return options;
}

struct Compiled {
  // Finds tokens: one DFA scan, no submatches.
  RE2 token{TokenPattern(), BigPatternOptions()};
  // Says which kind a token is: every kind that matches at its start, in one DFA pass (asking
  // the big pattern for submatches instead would run its NFA, ten times slower).
  RE2::Set kinds{BigPatternOptions(), RE2::ANCHOR_START};
  RE2 range_split{"^(" NUMBER ")(%?)\\s*(?:至|到|~|～|-|－|—{1,2}|–)\\s*(" NUMBER ")$"};

  Compiled() {
    for (const char* kind : kTokenKinds) {
      std::string error;
      if (kinds.Add(kind, &error) < 0) throw std::logic_error("token kind pattern: " + error);
    }
    if (!kinds.Compile()) throw std::logic_error("token kinds: RE2::Set did not compile");
  }
};

const Compiled& C() {
  static const Compiled c;
  return c;
}

// Every character a token can begin with, taken from the same character lists as the patterns
// (digits, signs, a leading decimal point, Chinese numerals, 几 数 上 半). Scanning for these
// bytes and matching anchored there finds the same leftmost token as an unanchored search, at
// a fraction of the cost: most of a sentence is skipped without calling RE2 at all.
class TokenStarts {
 public:
  TokenStarts() {
    for (std::string_view chars : {std::string_view(CN_DIGIT CN_UNIT), std::string_view("负負－几幾数上半")}) {
      auto* p = reinterpret_cast<const uint8_t*>(chars.data());
      int32_t i = 0, n = static_cast<int32_t>(chars.size());
      while (i < n) {
        UChar32 c;
        U8_NEXT_OR_FFFD(p, i, n, c);
        if (c >= 0 && c < 0x10000) bits_.set(static_cast<size_t>(c));
      }
    }
    for (char c : std::string_view("0123456789-.")) bits_.set(static_cast<unsigned char>(c));
  }
  // The first offset at or after `from` where a token may begin, or npos.
  size_t Next(std::string_view s, size_t from) const {
    auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = static_cast<int32_t>(from), n = static_cast<int32_t>(s.size());
    while (i < n && (p[i] & 0xC0) == 0x80) ++i;  // onto a character boundary
    while (i < n) {
      int32_t start = i;
      if (p[i] < 0x80) {
        if (bits_[p[i++]]) return static_cast<size_t>(start);
        continue;
      }
      UChar32 c;
      U8_NEXT_OR_FFFD(p, i, n, c);
      if (c < 0x10000 && bits_[static_cast<size_t>(c)]) return static_cast<size_t>(start);
    }
    return std::string_view::npos;
  }

 private:
  std::bitset<0x10000> bits_;
};

struct FoundToken {
  size_t start, end;
  int kind;  // index into kTokenKinds
};

// The next token at or after `pos`: the first candidate start where the token pattern matches
// (anchored: a forward DFA scan only), then the set of kinds says which alternative won there:
// the first kind that matches at that start (leftmost-first).
std::optional<FoundToken> NextToken(std::string_view s, size_t pos) {
  static const TokenStarts starts;
  const Compiled& c = C();
  re2::StringPiece input(s.data(), s.size()), whole;
  size_t start = starts.Next(s, pos);
  while (start != std::string_view::npos &&
         !c.token.Match(input, start, s.size(), RE2::ANCHOR_START, &whole, 1))
    start = starts.Next(s, start + 1);
  if (start == std::string_view::npos) return std::nullopt;
  std::vector<int> matching;
  re2::StringPiece rest(s.data() + start, s.size() - start);
  if (!c.kinds.Match(rest, &matching) || matching.empty()) {
    // Only \b can tell the two apart (it sees no text before `rest`): the last kind, a number.
    return FoundToken{start, start + whole.size(), static_cast<int>(std::size(kTokenKinds)) - 1};
  }
  return FoundToken{start, start + whole.size(), *std::min_element(matching.begin(), matching.end())};
}

UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT_OR_FFFD(p, i, static_cast<int32_t>(s.size()), c);
  return c;
}

// Units indexed by their first character, longest first: the unit after a number is found with
// a few comparisons instead of a regex call per number.
class UnitIndex {
 public:
  UnitIndex() {
    for (const auto& u : rules::Units()) by_first_[FirstCodePoint(u.text)].push_back(&u);
    for (auto& [c, list] : by_first_)
      std::stable_sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->text.size() > b->text.size(); });
    // What may follow a number that still leads to a unit: approximations, 个, multipliers.
    for (std::string_view w : {"多", "余", "来", "个", "万", "亿", "千", "百", "十", " "}) follow_.insert(FirstCodePoint(w));
    for (auto& [c, list] : by_first_) follow_.insert(c);
  }
  const rules::UnitRule* At(std::string_view s, size_t at) const {
    auto it = by_first_.find(FirstCodePoint(s.substr(at)));
    if (it == by_first_.end()) return nullptr;
    for (const auto* u : it->second)
      if (s.substr(at, u->text.size()) == u->text) return u;
    return nullptr;
  }
  bool CanFollowNumber(UChar32 c) const { return follow_.count(c) > 0; }

 private:
  std::unordered_map<UChar32, std::vector<const rules::UnitRule*>> by_first_;
  std::unordered_set<UChar32> follow_;
};

const UnitIndex& Units() {
  static const UnitIndex index;
  return index;
}

bool StartsWith(std::string_view s, size_t at, std::string_view prefix) {
  return at <= s.size() && s.substr(at).substr(0, prefix.size()) == prefix;
}

UChar32 CharBefore(std::string_view s, size_t at) {
  if (at == 0) return 0;
  auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_PREV_OR_FFFD(p, 0, i, c);
  return c;
}

UChar32 CharAt(std::string_view s, size_t at) {
  if (at >= s.size()) return 0;
  auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT_OR_FFFD(p, i, static_cast<int32_t>(s.size()), c);
  return c;
}

bool HasArabicDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool HasChineseDigit(std::string_view s) {
  auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT_OR_FFFD(p, i, n, c);
    if (c >= 0x80 && DigitValue(static_cast<char32_t>(c)) >= 0) return true;
  }
  return false;
}

double TrailingMultiplier(std::string_view s) {
  for (auto [text, value] : {std::pair{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}, {"千", 1e3}, {"百", 1e2}})
    if (s.size() >= std::string_view(text).size() && s.substr(s.size() - std::string_view(text).size()) == text) return value;
  return 1;
}

// The bound word that ends right before `at`, if any; sets *word_start.
std::string BoundBefore(std::string_view s, size_t at, size_t* word_start) {
  size_t end = at;
  while (end > 0 && s[end - 1] == ' ') --end;
  if (end >= 3 && s.substr(end - 3, 3) == "有") end -= 3;  // 至少有一人
  std::string best;
  size_t best_length = 0;
  for (const auto& w : rules::BoundsBefore()) {
    if (w.text.size() > end || w.text.size() <= best_length) continue;
    if (s.substr(end - w.text.size(), w.text.size()) != w.text) continue;
    if (w.text == "过" || w.text == "超") {
      // 经过三年 / 通过 / 超过 is handled as a whole: 过 alone must follow a noun or verb of amount.
      UChar32 before = CharBefore(s, end - w.text.size());
      if (before == U'经' || before == U'通' || before == U'度' || before == U'越' || before == U'不' ||
          before == U'错' || before == U'难' || before == U'走' || before == U'路' || before == U'跑' ||
          before == U'超' || before == U'赶')
        continue;
    }
    best = std::string(w.meaning);
    best_length = w.text.size();
    if (word_start) *word_start = end - w.text.size();
  }
  return best;
}

// 至少配备2名, 最多安排3次, 最高可达300万元: 至少 / 最多 / 最高 / 最低 bound the amount of the
// verb they modify, one or two characters before the number.
std::string AdverbBoundBefore(std::string_view s, size_t at, size_t* word_start) {
  size_t verb_start = at;
  for (int k = 0; k < 2 && verb_start > 0; ++k) {
    size_t prev;
    UChar32 c = CharBefore(s, verb_start);
    if (!(c >= 0x4E00 && c <= 0x9FFF)) break;
    prev = verb_start - U8_LENGTH(c);
    verb_start = prev;
    for (auto [word, meaning] : {std::pair{std::string_view("至少"), "min"}, {std::string_view("最多"), "max"},
                                 {std::string_view("最高"), "max"}, {std::string_view("最低"), "min"}}) {
      if (verb_start >= word.size() && s.substr(verb_start - word.size(), word.size()) == word) {
        if (word_start) *word_start = verb_start - word.size();
        return meaning;
      }
    }
  }
  return "";
}

// Whether a noun for people (人口, 农户, 群众 …) starts within the next six characters after
// `at`, with only hanzi between: 4.6万农村人口, 2万农户, 10万新型职业农民. A number of ten
// thousands before such a noun counts them, though no classifier says so.
bool PeopleCountedAfter(std::string_view s, size_t at) {
  static constexpr std::string_view kPeople[] = {"人口", "农户", "群众", "居民", "农民", "职工", "劳动力", "学生", "儿童",
                                                 "老人", "家庭", "贫困户"};
  for (int k = 0; k < 6 && at < s.size(); ++k) {
    for (std::string_view noun : kPeople)
      if (StartsWith(s, at, noun)) return true;
    UChar32 c = CharAt(s, at);
    if (!(c >= 0x4E00 && c <= 0x9FFF)) return false;
    at += U8_LENGTH(c);
  }
  return false;
}

// 不超过总投资的30%, 不低于销售收入的5%, 不超过同期LPR的50%: the bound word governs a share of a
// named whole. It stands before a short noun phrase (up to 12 hanzi or ASCII letters and digits,
// no punctuation) and 的.
std::string ShareBoundBefore(std::string_view s, size_t at, size_t* word_start) {
  size_t end = at;
  while (end > 0 && s[end - 1] == ' ') --end;
  if (end < 3 || s.substr(end - 3, 3) != "的") return "";
  size_t p = end - 3;
  for (int k = 0; k < 12 && p > 0; ++k) {
    UChar32 c = CharBefore(s, p);
    if (!(c >= 0x4E00 && c <= 0x9FFF) && !(c < 0x80 && std::isalnum(static_cast<int>(c)))) break;
    p -= U8_LENGTH(c);
    std::string bound = BoundBefore(s, p, word_start);
    if (!bound.empty()) return bound;
  }
  return "";
}

std::string BoundAfter(std::string_view s, size_t& at) {
  for (const auto& w : rules::BoundsAfter()) {
    if (StartsWith(s, at, w.text)) {
      at += w.text.size();
      return std::string(w.meaning);
    }
  }
  return "";
}

// The clause around [start, end): between the punctuation marks that enclose it.
std::string_view ClauseAround(std::string_view s, size_t start, size_t end) {
  size_t b = start, e = end;
  auto is_break = [&](size_t at, size_t* length) {
    for (std::string_view p : {"，", "。", "；", "：", "！", "？", ","}) {
      if (StartsWith(s, at, p)) { *length = p.size(); return true; }
    }
    return false;
  };
  size_t length;
  // Bounded both ways: a clause never needs more, and a text without punctuation must not
  // make every quantity scan all of it.
  constexpr size_t kMaxClause = 240;
  while (b > 0 && start - b < kMaxClause) {
    size_t prev = b - 1;
    while (prev > 0 && (static_cast<unsigned char>(s[prev]) & 0xC0) == 0x80) --prev;
    if (is_break(prev, &length)) break;
    b = prev;
  }
  while (e < s.size() && e - end < kMaxClause && !is_break(e, &length)) ++e;
  while (e < s.size() && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) ++e;
  return s.substr(b, e - b);
}

bool MoneyContextAround(std::string_view s, size_t start, size_t end) {
  std::string_view clause = ClauseAround(s, start, end);
  for (auto w : rules::MoneyContext())
    if (clause.find(w) != std::string_view::npos) return true;
  return false;
}

// 年末常住人口1285.6万, 城镇新增就业12万, 接待游客3000万: people counted by the noun before a
// number that has a multiplier and no unit, in its own clause.
bool PeopleCountedBefore(std::string_view s, size_t start, size_t end) {
  std::string_view clause = ClauseAround(s, start, end);
  size_t clause_start = static_cast<size_t>(clause.data() - s.data());
  std::string_view before = s.substr(clause_start, start - clause_start);
  for (std::string_view noun : {"人口", "人数", "游客", "就业", "劳动力", "农民工", "参保", "在校生", "职工"})
    if (before.find(noun) != std::string_view::npos) return true;
  return false;
}

// The period a rate states after its unit with a slash (5000万元/年, 200元/人, 1000元/人·年,
// 30万元/亩): what 每年, 每人 and 每人每年 say before a quantity.
std::string PeriodAfter(std::string_view s, size_t at) {
  size_t slash = StartsWith(s, at, "/") ? 1 : StartsWith(s, at, "／") ? 3 : 0;
  if (!slash) return "";
  std::string_view rest = s.substr(at + slash, 15);
  // 1000元/（人·年）: the unit of the rate may stand in brackets.
  if (rest.starts_with("（")) rest.remove_prefix(3);
  else if (rest.starts_with("(")) rest.remove_prefix(1);
  for (const auto& w : rules::RatePeriods())
    if (rest.starts_with(w.text)) {
      // 元/人次, 元/年度 are still per person and per year; 元/月份 or 吨/日产 are not rates at all.
      std::string_view after = rest.substr(w.text.size());
      if (after.starts_with("份") || after.starts_with("产")) return "";
      return std::string(w.meaning);
    }
  return "";
}

// A period the sentence states before the quantity (每年, 每人) and one its unit states after it
// (/人, /年) together: 每年补助500元/人 is per person and year.
std::string CombinedPeriod(std::string before, const std::string& after) {
  if (after.empty() || before == after) return before;
  if (before.empty()) return after;
  if ((before == "year" && after == "person") || (before == "person" && after == "year")) return "person-year";
  if ((before == "month" && after == "person") || (before == "person" && after == "month")) return "person-month";
  if ((before == "year" && after == "household") || (before == "household" && after == "year")) return "household-year";
  return after;  // the unit's own is the nearer
}

// A span of time stated per period must be shorter than it: 每年不少于15天 is days in each year,
// but in 每年递增10%，三年翻一番 the three years are no rate of 每年, which frames another clause.
bool SpanFitsPeriod(std::string_view unit, std::string_view period) {
  static constexpr std::string_view kLengths[] = {"minute", "hour", "day", "week", "month", "quarter", "year"};
  auto rank = [](std::string_view u) {
    for (size_t i = 0; i < std::size(kLengths); ++i)
      if (u == kLengths[i]) return static_cast<int>(i);
    return -1;
  };
  size_t dash = period.rfind('-');
  int span = rank(unit), frame = rank(dash == std::string_view::npos ? period : period.substr(dash + 1));
  return span < 0 || frame < 0 || span < frame;
}

bool IsClassifier(const rules::UnitRule* u) { return u && u->kind == "count"; }

struct Token {
  enum Kind { kDate, kFraction, kRange, kVague, kNumber } kind;
  size_t start, end;
  std::string_view text;
};

// Vague amounts: 十几 → 11–19, 几十 → 20–90, 数千 → 2000–9000, 上万 → at least 10000.
bool ParseVague(std::string_view text, double* low, double* high, std::string* bound) {
  if (StartsWith(text, 0, "上")) {
    auto v = ParseNumber(text.substr(std::string_view("上").size()));
    if (!v) return false;
    *low = *high = *v;
    *bound = "min";
    return true;
  }
  std::string low_text(text), high_text(text);
  for (std::string_view vague : {"几", "幾", "数"}) {
    size_t at;
    while ((at = low_text.find(vague)) != std::string::npos) {
      bool leading = at == 0;
      low_text.replace(at, vague.size(), leading ? "二" : "一");
      size_t hat = high_text.find(vague);
      high_text.replace(hat, vague.size(), "九");
    }
  }
  auto l = ParseNumber(low_text), h = ParseNumber(high_text);
  if (!l || !h) return false;
  *low = *l;
  *high = *h;
  *bound = "approx";
  return true;
}

// Does the dictionary word around text[start, end) reach outside the numeral into characters
// that are not units? (一切, 统一, 一带一路: yes; 两年, 十斤: no.) ICU's dictionary decides.
bool NumeralInsideWord(std::string_view s, size_t start, size_t end) {
  thread_local std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    return U_SUCCESS(status) ? std::move(it) : nullptr;
  }();
  if (!words) return false;
  size_t from = start, to = end;
  for (int k = 0; k < 3 && from > 0; ++k) from -= std::min<size_t>(from, 3);
  for (int k = 0; k < 3 && to < s.size(); ++k) to = std::min(s.size(), to + 3);
  while (from < start && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) ++from;
  while (to < s.size() && (static_cast<unsigned char>(s[to]) & 0xC0) == 0x80) ++to;
  std::string window(s.substr(from, to - from));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(window);
  int32_t a = icu::UnicodeString::fromUTF8(window.substr(0, start - from)).length();
  int32_t b = a + icu::UnicodeString::fromUTF8(std::string(s.substr(start, end - start))).length();
  words->setText(u);
  if (!words->isBoundary(a)) return true;  // the word starts before the numeral: 统一, 万一
  if (words->isBoundary(b)) return false;
  // The word runs on past the numeral: fine when what follows is a unit (两年, 十斤).
  if (Units().At(s, end)) return false;
  if (StartsWith(s, end, "多") || StartsWith(s, end, "余") || StartsWith(s, end, "来")) return false;  // 十多万
  return true;
}

// “最多跑一次”, “三同”, “两个100%”: a number inside a short quotation is part of a name or a
// slogan, not a quantity. Short: a few characters each side, no clause punctuation inside.
bool InsideShortQuotation(std::string_view s, size_t start, size_t end) {
  constexpr int kReach = 8;  // characters looked at on each side
  auto clause_mark = [](UChar32 c) {
    switch (c) {
      case U'，': case U'。': case U'；': case U'：': case U'！': case U'？': case U'、': case ',': case ';': case ':':
      case '!': case '?':
        return true;
    }
    return false;
  };
  auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  bool opened = false;
  int32_t i = static_cast<int32_t>(start);
  for (int k = 0; k < kReach && i > 0 && !opened; ++k) {
    UChar32 c;
    U8_PREV_OR_FFFD(p, 0, i, c);
    if (c == 0x201C) opened = true;
    else if (c == 0x201D || clause_mark(c)) return false;
  }
  if (!opened) return false;
  i = static_cast<int32_t>(end);
  for (int k = 0; k < kReach && i < n; ++k) {
    UChar32 c;
    U8_NEXT_OR_FFFD(p, i, n, c);
    if (c == 0x201D) return true;
    if (c == 0x201C || clause_mark(c)) return false;
  }
  return false;
}

// 两个维护, 两个一百年 (rules::NumberedFormulas): a number that is part of a formula's name, at
// its start or inside it.
bool InsideNumberedFormula(std::string_view s, size_t start) {
  for (std::string_view formula : rules::NumberedFormulas()) {
    size_t from = start >= formula.size() ? start - formula.size() + 1 : 0;
    size_t at = s.substr(from, start + formula.size() - from).find(formula);
    if (at != std::string_view::npos && from + at <= start) return true;
  }
  return false;
}

// 负 is a minus sign only where a sign can stand: not in 减负230万元, 担负, 胜负.
bool SignWordAllowedAfter(UChar32 before) {
  if (!(before >= 0x4E00 && before <= 0x9FFF)) return true;
  return before == U'为' || before == U'是' || before == U'到' || before == U'至' || before == U'达' || before == U'长';
}

// Moves the start of a token past a leading sign or decimal point that belongs to the text
// before it: 减负230万元, --9 and ...9 (punctuation runs), 3-5 and v1.2 (after a digit or
// letter). A minus after Chinese text stays a sign (增长-2.3%). Returns the new start.
size_t StartAfterStraySign(std::string_view s, size_t start, size_t end) {
  UChar32 first = CharAt(s, start), before = CharBefore(s, start);
  bool ascii_alnum_before = before < 0x80 && std::isalnum(static_cast<int>(before));
  bool stray = false;
  if (first == '.') stray = before == '.' || (before >= '0' && before <= '9');
  else if (first == '-' || first == U'－') stray = before == '-' || before == U'－' || before == '.' || ascii_alnum_before;
  else if (first == U'负' || first == U'負') stray = !SignWordAllowedAfter(before);
  size_t after = start + U8_LENGTH(first);
  return stray && after < end ? after : start;
}

// 100兆瓦, 5兆帕: 兆 before a unit is the metric prefix (mega), not 10^12.
size_t EndBeforeMetricPrefix(std::string_view s, size_t start, size_t end) {
  static constexpr std::string_view kZhao = "兆";
  if (end - start > kZhao.size() && s.substr(end - kZhao.size(), kZhao.size()) == kZhao) return end - kZhao.size();
  return end;
}

// Digits grouped by spaces (就业1 000人) are one number only inside prose: where a space or a
// figure stands before them, or a space and a figure after them, they are a table's cells
// (指标 35 120 150), and after a label the first group is its number (表1 200个项目); the token
// then ends at its first space.
size_t EndBeforeSpacedCells(std::string_view s, size_t start, size_t end) {
  size_t space = s.substr(start, end - start).find(' ');  // within the token: this runs for every number
  if (space == std::string_view::npos || start + space + 1 >= end ||
      !std::isdigit(static_cast<unsigned char>(s[start + space + 1])))
    return end;
  UChar32 before = CharBefore(s, start);
  bool cells = before == ' ' || before == 0x3000 || before == '\t' || (before < 0x80 && std::isdigit(before)) ||
               before == U'表' || before == U'图' || before == U'栏' || before == U'件' ||
               (end + 1 < s.size() && s[end] == ' ' && std::isdigit(static_cast<unsigned char>(s[end + 1])));
  return cells ? start + space : end;
}

// 附件：1.2025年度重点村名单: an item's number glued to the year that opens its title reads as
// one decimal (1.2025). A figure of one or two digits, a point and a year of 19xx or 20xx
// before 年, where a list item starts (the sentence's start, or after ：；), is the item's
// number and the year. Returns where the year starts, or `start`.
size_t StartAfterListNumber(std::string_view s, size_t start, size_t end) {
  size_t point = s.substr(start, end - start).find('.');  // within the token: this runs for every number
  if (point == std::string_view::npos || point > 2 || end - start - point != 5) return start;
  point += start;
  std::string_view year = s.substr(point + 1, 4);
  if (!(year.starts_with("19") || year.starts_with("20")) || !StartsWith(s, end, "年")) return start;
  for (size_t k = start; k < end; ++k)
    if (k != point && !std::isdigit(static_cast<unsigned char>(s[k]))) return start;
  size_t before = start;
  while (before > 0 && s[before - 1] == ' ') --before;
  UChar32 mark = before > 0 ? CharBefore(s, before) : 0;
  bool item_starts = mark == 0 || mark == U'：' || mark == ':' || mark == U'；' || mark == ';';
  return item_starts ? point + 1 : start;
}

// The next token at or after `pos` that can hold a number, trimmed of what belongs to its
// neighbours (a stray sign before it, a metric 兆 after it, an item number glued to a year);
// dates are skipped. Advances `pos` past the token. Both the quantity extractor and the number
// finder read tokens through here, so they agree on where a number starts and ends.
std::optional<Token> NextCleanToken(std::string_view s, size_t& pos) {
  while (pos < s.size()) {
    auto found = NextToken(s, pos);
    if (!found) break;
    Token t{static_cast<Token::Kind>(found->kind), found->start, found->end, {}};
    if (t.kind == Token::kDate) {
      pos = std::max(t.end, t.start + 1);
      continue;
    }
    t.start = StartAfterStraySign(s, t.start, t.end);
    if (t.kind == Token::kNumber) t.end = EndBeforeSpacedCells(s, t.start, EndBeforeMetricPrefix(s, t.start, t.end));
    if (t.kind == Token::kNumber) t.start = StartAfterListNumber(s, t.start, t.end);
    t.text = s.substr(t.start, t.end - t.start);
    pos = std::max(t.end, t.start + 1);
    return t;
  }
  pos = s.size();
  return std::nullopt;
}

// 200元至300元, 3天到5天: the unit stated at both ends. Two quantities of one kind and unit
// joined only by a range word are one range. So are a floor and the ceiling right after it, the
// way laws state a fine: 处5000元以上5万元以下罚款.
std::vector<Quantity> MergeUnitRanges(std::string_view s, std::vector<Quantity> found) {
  if (found.size() < 2) return found;
  // Most sentences have nothing to join: look before building a new list.
  bool any = false;
  for (size_t k = 0; k + 1 < found.size() && !any; ++k)
    any = found[k].unit == found[k + 1].unit && found[k + 1].start - found[k].end <= 8;
  if (!any) return found;
  std::vector<Quantity> merged;
  merged.reserve(found.size());
  for (size_t k = 0; k < found.size(); ++k) {
    Quantity& q = found[k];
    if (k + 1 < found.size()) {
      Quantity& next = found[k + 1];
      std::string_view between = s.substr(q.end, next.start - q.end);
      while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
      while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
      bool joined = false;
      for (std::string_view word : {"至", "到", "-", "－", "—", "——", "~", "～", "–"}) joined |= between == word;
      bool stated_range = joined && q.bound == "exact" &&
                          (next.bound == "exact" || next.bound == "min" || next.bound == "max");
      bool floor_then_ceiling = between.empty() && q.bound == "min" && next.bound == "max";
      if ((stated_range || floor_then_ceiling) && q.kind == next.kind && q.unit == next.unit && q.kind != "year" &&
          q.value && next.value && *q.value < *next.value) {
        q.low = q.value;
        q.high = next.value;
        q.value.reset();
        q.bound = "range";
        q.end = next.end;
        q.text = std::string(s.substr(q.start, q.end - q.start));
        if (q.modality.empty()) q.modality = next.modality;
        merged.push_back(std::move(q));
        ++k;
        continue;
      }
    }
    merged.push_back(std::move(q));
  }
  return merged;
}

// 分别压缩至3个、1个工作日以内, 提高3个、5个百分点: in a list joined by 、 the unit is written
// once, after the last number, and the classifier before it is repeated on each. A count that is a
// number and that classifier alone, listed right before such a quantity, is read with its unit.
std::vector<Quantity> ShareListedUnit(std::string_view s, std::vector<Quantity> found) {
  // From the last: a unit reaches back along the whole list (3个、5个、8个工作日). `unit_text` is
  // what follows the classifier in the list's last quantity (工作日以内), while a list is walked.
  std::string unit_text;
  for (size_t k = found.size(); k-- > 1;) {
    Quantity& q = found[k - 1];
    const Quantity& next = found[k];
    std::string shared = std::move(unit_text);
    unit_text.clear();
    if (q.kind != "count" || next.kind == "count" || s.substr(q.end, next.start - q.end) != "、") continue;
    int32_t classifier_start = static_cast<int32_t>(q.text.size());  // the last character
    U8_BACK_1(reinterpret_cast<const uint8_t*>(q.text.data()), 0, classifier_start);
    std::string_view classifier = std::string_view(q.text).substr(classifier_start);
    if (classifier_start == 0 || classifier.size() < 2) continue;
    if (shared.empty()) {
      size_t in_next = next.text.find(classifier);
      if (in_next == std::string::npos || in_next == 0) continue;
      shared = next.text.substr(in_next + classifier.size());
    } else if (!next.text.ends_with(classifier)) {
      continue;
    }
    std::vector<Quantity> read = ExtractQuantities(q.text + shared, "");
    if (read.size() != 1 || read[0].kind != next.kind || read[0].unit != next.unit) continue;
    q.kind = read[0].kind;
    q.unit = read[0].unit;
    q.value = read[0].value;
    q.low = read[0].low;
    q.high = read[0].high;
    if (q.bound == "exact") q.bound = read[0].bound;
    if (q.period.empty()) q.period = next.period;
    if (q.modality.empty()) q.modality = next.modality;
    unit_text = std::move(shared);
  }
  return found;
}

// 容积率不得高于2.5, 基尼系数为0.46, 师生比为19: a noun whose value is a pure number (a ratio
// of two like measures), right before the number or before a verb that states it, so that the
// number without a unit is that noun's value. Rates in general (利率, 增长率) are not here:
// written without % they are percentages that lost their sign.
bool PureNumberNounBefore(std::string_view s, size_t at) {
  std::string_view lead = s.substr(0, at);
  while (lead.ends_with(" ")) lead.remove_suffix(1);
  for (std::string_view verb : {"控制在", "保持在", "稳定在", "提高到", "提高至", "降低到", "降低至", "降至", "降到", "达到",
                                "为", "是", "应", "要", "须", "在", "达"})
    if (lead.ends_with(verb)) {
      lead.remove_suffix(verb.size());
      break;
    }
  for (std::string_view noun : {"容积率", "系数", "比值", "师生比", "生师比"})
    if (lead.ends_with(noun)) return true;
  return false;
}

// 按1:1比例配套 → a ratio whose value is the first term over the second (1); one of three or
// more terms (5:3:2) has none, its text says it. Bound words around it bound it (不低于1:1).
Quantity RatioQuantity(std::string_view s, const RatioMention& ratio, std::optional<ModalityCues>& cues, std::string_view context) {
  Quantity q;
  q.kind = "ratio";
  q.start = ratio.start;
  size_t span_end = ratio.end;
  std::string after_bound = BoundAfter(s, span_end);
  q.end = static_cast<uint32_t>(span_end);
  q.text = std::string(s.substr(q.start, q.end - q.start));
  if (ratio.terms.size() == 2 && std::isfinite(ratio.terms[0] / ratio.terms[1])) q.value = ratio.terms[0] / ratio.terms[1];
  size_t prefix_start = ratio.start;
  std::string before_bound = BoundBefore(s, ratio.start, &prefix_start);
  if (before_bound.empty()) before_bound = AdverbBoundBefore(s, ratio.start, &prefix_start);
  q.bound = !before_bound.empty() ? before_bound : !after_bound.empty() ? after_bound : "exact";
  if (!cues) cues.emplace(s, context);
  q.modality = cues->Classify(ratio.start, span_end, s.substr(prefix_start, ratio.start - prefix_start));
  return q;
}

std::vector<Quantity> ExtractFromAsciiFigures(std::string_view s, std::string_view context) {
  const Compiled& c = C();
  std::vector<Quantity> found;
  std::optional<ModalityCues> cues;  // built when the first quantity needs it
  // Ratios first: their terms (1:1, 9:30 read as a ratio of shares) are not quantities of
  // their own, so tokens inside them are passed over.
  std::vector<Quantity> ratios;
  for (const RatioMention& ratio : FindRatios(s)) ratios.push_back(RatioQuantity(s, ratio, cues, context));
  auto next_ratio = ratios.begin();
  size_t pos = 0;
  while (auto next = NextCleanToken(s, pos)) {
    Token t = *next;
    while (next_ratio != ratios.end() && next_ratio->end <= t.start) ++next_ratio;
    if (next_ratio != ratios.end() && next_ratio->start < t.end) {
      pos = std::max<size_t>(pos, next_ratio->end);
      continue;
    }
    // 12千米, 2.3千克, 一百千瓦: 千 belongs to the unit, not the number.
    if (t.kind == Token::kNumber && t.text.size() > 3 && t.text.substr(t.text.size() - 3) == "千" &&
        (StartsWith(s, t.end, "米") || StartsWith(s, t.end, "克") || StartsWith(s, t.end, "瓦"))) {
      t.end -= 3;
      t.text = s.substr(t.start, t.end - t.start);
      pos = t.end;
    }

    // Not quantities: ordinals, quoted codes and names, numbers glued to Latin letters.
    UChar32 before = CharBefore(s, t.start), after = CharAt(s, t.end);
    if (before == U'第') continue;
    if (t.text.starts_with("○")) continue;  // a bullet or a masked name (○○县), not a zero
    if (before == '%') continue;  // %26, %E4: the remains of percent-encoding, not a number
    if (t.start >= 6 && s.substr(t.start - 6, 6) == "倒数") continue;  // 倒数第二: a rank
    if ((before == U'那' || before == U'这' || before == U'哪') && (t.text == "一" || t.text == "两")) continue;
    if (InsideShortQuotation(s, t.start, t.end)) continue;
    if (!HasArabicDigit(t.text) && InsideNumberedFormula(s, t.start)) continue;  // formulas spell their numerals
    if ((before < 0x80 && std::isalpha(static_cast<int>(before))) || (after < 0x80 && std::isalpha(static_cast<int>(after))))
      continue;

    Quantity q;
    double number = 0, low = 0, high = 0;
    bool is_range = false, is_percent_word = false;
    std::string bound;
    switch (t.kind) {
      case Token::kFraction: {
        std::string_view body = t.text;
        if (body == "一半") {  // 超过一半, 一半以上: half, 50%
          if (NumeralInsideWord(s, t.start, t.end)) goto next_token;  // 统一半导体
          number = 50;
          is_percent_word = true;
          break;
        }
        double scale = 100;
        for (auto [prefix, value] : {std::pair{"百分之", 100.0}, {"千分之", 1000.0}, {"万分之", 10000.0}}) {
          if (StartsWith(body, 0, prefix)) {
            std::string_view rest = body.substr(std::string_view(prefix).size());
            while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
            auto v = ParseNumber(rest);
            if (!v) goto next_token;
            number = *v * 100 / value;
            scale = 0;
            break;
          }
        }
        if (scale != 0) {
          auto v = ParseFraction(body);
          if (!v) goto next_token;
          number = *v * 100;
        }
        is_percent_word = true;
        break;
      }
      case Token::kRange: {
        std::string low_text, percent, high_text;
        if (!RE2::FullMatch(t.text, c.range_split, &low_text, &percent, &high_text)) goto next_token;
        auto l = ParseNumber(low_text), h = ParseNumber(high_text);
        if (!l || !h) goto next_token;
        low = *l;
        high = *h;
        // 3到5万元: the multiplier of the upper end carries to a lower end that has none.
        double m = TrailingMultiplier(high_text);
        if (m > 1 && TrailingMultiplier(low_text) == 1 && low * m <= high * 1.0001 && low < high / m * 10) low *= m;
        if (!(low < high)) goto next_token;
        is_range = true;
        break;
      }
      case Token::kVague: {
        if (t.text == "几") goto next_token;  // 几年来, 几件: too vague to be a quantity
        // 成千上万, 成百上千: thousands upon thousands, an idiom, no amount.
        if (t.start >= 6 && (s.substr(t.start - 6, 6) == "成千" || s.substr(t.start - 6, 6) == "成百")) goto next_token;
        if (!ParseVague(t.text, &low, &high, &bound)) goto next_token;
        if (bound == "min") number = low;
        else is_range = true;
        break;
      }
      case Token::kNumber: {
        // The common case in Chinese text: 一 in 统一, 进一步, 一是. A small Chinese numeral with
        // nothing after it that could start a unit is no quantity; skip it before any parsing.
        if (!HasArabicDigit(t.text) && t.text.size() <= 6 && t.text.find("万") == std::string_view::npos &&
            t.text.find("亿") == std::string_view::npos && !Units().CanFollowNumber(CharAt(s, t.end)))
          goto next_token;
        if (auto range = ParseAdjacentRange(t.text)) {
          low = range->first;
          high = range->second;
          is_range = true;
          bound = "approx";
          break;
        }
        auto v = ParseNumber(t.text);
        if (!v) goto next_token;
        number = *v;
        break;
      }
      case Token::kDate:
        break;
    }

    if (is_range && !(low <= high)) goto next_token;  // never store an inverted range
    {
      // What follows: 多/余/来, 个, a multiplier, the unit, then a bound word.
      size_t at = t.end;
      while (at < s.size() && s[at] == ' ') ++at;
      double multiplier = 1;
      const rules::UnitRule* unit = nullptr;
      bool more = false, roughly = false;
      auto try_unit = [&]() {
        if (const rules::UnitRule* found_unit = Units().At(s, at)) {
          std::string_view text = found_unit->text;
          // 由95升至102: 升 before 至 is the verb (rises), not litres.
          if (text == "升") {
            size_t k = at + text.size();
            for (std::string_view verb_tail : {"至", "到", "为", "高", "级", "格", "值", "温", "幅"})
              if (StartsWith(s, k, verb_tail)) return false;
          }
          if (text == "个") {  // 2个多亿, 3个亿: 个 before a multiplier is not the classifier
            size_t k = at + text.size();
            if (StartsWith(s, k, "多") || StartsWith(s, k, "余")) k += 3;
            if (StartsWith(s, k, "亿") || StartsWith(s, k, "万") || StartsWith(s, k, "千万")) return false;
          }
          unit = found_unit;
          at += text.size();
          return true;
        }
        return false;
      };
      // 15日内上报: 日 is a day only with 内 after it; 15日 alone is a date (4月15日, 15日召开).
      static constexpr rules::UnitRule kDaysWithin{"日", "duration", "day", 1};
      if (!is_percent_word && StartsWith(s, at, "日") &&
          (StartsWith(s, at + 3, "内") || StartsWith(s, at + 3, "以内") || StartsWith(s, at + 3, "之内"))) {
        unit = &kDaysWithin;
        at += 3;
      }
      if (!is_percent_word && !unit && !try_unit()) {
        if (StartsWith(s, at, "多") || StartsWith(s, at, "余")) { more = true; at += 3; }
        else if (StartsWith(s, at, "来")) { roughly = true; at += 3; }
        if (!try_unit()) {
          size_t save = at;
          if (StartsWith(s, at, "个")) at += 3;
          if (StartsWith(s, at, "多") || StartsWith(s, at, "余")) { more = true; at += 3; }
          bool has_multiplier = false;
          for (auto [text, value] : {std::pair{"万亿", 1e12}, {"亿", 1e8}, {"千万", 1e7}, {"百万", 1e6}, {"万", 1e4}}) {
            if (StartsWith(s, at, text)) { multiplier = value; at += std::string_view(text).size(); has_multiplier = true; break; }
          }
          if (has_multiplier) {
            if (StartsWith(s, at, "多") || StartsWith(s, at, "余")) { more = true; at += 3; }
            try_unit();
          } else {
            at = save;
            if (more) try_unit();  // 12000多个
          }
        }
      }
      // 一次性奖励: a number and its unit made an adjective by 性 (one-off) count nothing.
      if (unit && StartsWith(s, at, "性")) goto next_token;
      // 三口之家, 两口子: 口 counts wells and ponds (塘库72口), not a household's members.
      if (unit && unit->text == "口" && (StartsWith(s, at, "之") || StartsWith(s, at, "子") || StartsWith(s, at, "人")))
        goto next_token;
      // 三年半, 一吨半, 两米半: half a unit more.
      double half = 0;
      if (unit && (unit->kind == "duration" || unit->kind == "measure" || unit->kind == "area") && StartsWith(s, at, "半")) {
        half = 0.5;
        at += 3;
      }
      size_t span_end = at;
      std::string after_bound = BoundAfter(s, span_end);
      // 三年内, 5个工作日内: within a time. (内容, 内部 are other words.)
      if (after_bound.empty() && unit && unit->kind == "duration" && number < 1000 && StartsWith(s, span_end, "内") &&
          !StartsWith(s, span_end + 3, "容") && !StartsWith(s, span_end + 3, "部") && !StartsWith(s, span_end + 3, "涵")) {
        after_bound = "max";
        span_end += 3;
      }
      // 三次产业 is the economy's three sectors, not three times; 十四届全国人大三次会议 is the
      // third session of a congress, an ordinal.
      if (unit && unit->text == "次" && StartsWith(s, at, "产业")) goto next_token;
      if (unit && unit->text == "次" && (StartsWith(s, at, "会议") || StartsWith(s, at, "全会") || StartsWith(s, at, "全体会议")) &&
          s.substr(t.start >= 36 ? t.start - 36 : 0, std::min<size_t>(t.start, 36)).find("届") != std::string_view::npos)
        goto next_token;
      // 番 doubles only after 翻 (翻两番 = ×4); 一番努力 is no quantity.
      bool doublings = unit && unit->text == "番";
      if (doublings && !(t.start >= 3 && s.substr(t.start - 3, 3) == "翻")) goto next_token;
      size_t prefix_start = t.start;
      std::string before_bound = BoundBefore(s, t.start, &prefix_start);
      if (before_bound.empty()) before_bound = AdverbBoundBefore(s, t.start, &prefix_start);
      if (before_bound.empty()) before_bound = ShareBoundBefore(s, t.start, &prefix_start);
      // 每立方米35微克: a mass per cubic metre stated before the number (and its bound word:
      // 每立方米不超过35微克) is the concentration that 35微克/立方米 states after it.
      static constexpr rules::UnitRule kMicrogramsPerCubicMetre{"微克", "measure", "ug/m3", 1};
      static constexpr rules::UnitRule kMilligramsPerCubicMetre{"毫克", "measure", "ug/m3", 1000};
      if (unit && (unit->text == "微克" || unit->text == "毫克") && s.substr(0, prefix_start).ends_with("每立方米"))
        unit = unit->text == "微克" ? &kMicrogramsPerCubicMetre : &kMilligramsPerCubicMetre;

      // Decide the kind.
      std::string_view number_text = t.text;
      bool unit_only_chinese = !HasArabicDigit(number_text) && !HasChineseDigit(number_text) && t.kind == Token::kNumber;
      if (is_percent_word) {
        q.kind = "percent";
        q.unit = "percent";
      } else if (unit) {
        q.kind = std::string(unit->kind);
        q.unit = std::string(unit->unit);
        if (unit->text == "年") {
          bool four_digits = number >= 1000 && number <= 2200 && std::floor(number) == number &&
                             (t.text.size() == 4 || !HasArabicDigit(t.text));
          if (StartsWith(s, at, "代")) {  // 七八十年代, 90年代: decades
            double l = is_range ? low : number, h = is_range ? high : number;
            if (l < 100) { l += 1900; h += 1900; }
            low = l;
            high = h + 9;
            is_range = true;
            q.kind = "year";
            span_end = at + 3;
          } else if ((four_digits && !is_range) || (is_range && low >= 1000 && high <= 2200)) {
            q.kind = "year";
          }
        }
        if (unit->text == "成" && (is_range ? high : number) > 10) goto next_token;  // 成千成万
      } else if ((multiplier > 1 || TrailingMultiplier(number_text) > 1) && PeopleCountedAfter(s, span_end)) {
        q.kind = "count";  // 解决4.6万农村人口的饮水问题, 带动2万农户: people counted by the noun after
      } else if (multiplier > 1 || TrailingMultiplier(number_text) > 1 || number >= 1e4) {
        if (MoneyContextAround(s, t.start, span_end)) {
          q.kind = "money";
          q.unit = "CNY";
        } else if ((multiplier > 1 || TrailingMultiplier(number_text) > 1) && PeopleCountedBefore(s, t.start, span_end)) {
          q.kind = "count";
        } else {
          goto next_token;
        }
      } else if (more && HasArabicDigit(number_text)) {
        q.kind = "count";  // 8000多下岗职工
      } else if (!is_range && HasArabicDigit(number_text) && PureNumberNounBefore(s, prefix_start)) {
        q.kind = "ratio";  // 容积率不得高于2.5, 基尼系数控制在0.4以内: a measure with no unit
      } else {
        goto next_token;  // a bare number: a name, an idiom or a list marker
      }
      if (q.kind == "percent" && t.kind == Token::kRange && !is_range) goto next_token;
      // 一季度, 前三季度: a quarter of the calendar year (Q1, Q1–Q3), a date rather than a length
      // of time; 三个季度 is one.
      if (q.kind == "duration" && q.unit == "quarter" && !is_range && StartsWith(s, t.end, "季度") &&
          (t.text == "一" || t.text == "二" || t.text == "三" || t.text == "四"))
        goto next_token;
      // 三年行动计划, 第十四个五年规划: a plan's name, not a length of time; nor is a stage of
      // schooling (学前三年教育, 九年义务教育, 九年一贯制学校, 五年制高职).
      if (q.kind == "duration" && !is_range && span_end == at) {
        bool name = s.substr(0, t.start).ends_with("学前");
        for (std::string_view word : {"行动", "计划", "规划", "攻坚", "义务教育", "免费教育", "一贯制", "制"})
          name |= StartsWith(s, at, word);
        for (std::string_view verb : {"制定", "制订", "制作", "制造"})  // 用三年制定规划: a time frame
          name &= !StartsWith(s, at, verb);
        if (name) goto next_token;
      }

      // Bare unit characters (千万, 亿元) are amounts only with a bound word: 过千万, 亿元以上
      // are; a table's 单位：亿元 is a unit.
      if (unit_only_chinese && number != 10 && before_bound.empty() && after_bound.empty()) goto next_token;
      // 一个, 一名, 一家: an article, unless a bound makes it a number (至少有一人).
      if (IsClassifier(unit) && (t.text == "一" || t.text == "壹") && before_bound.empty() && after_bound.empty()) goto next_token;

      double factor = (unit ? unit->factor : 1) * multiplier;
      if (is_range) {
        q.low = Scaled(low, factor);
        q.high = Scaled(high, factor);
        q.bound = bound.empty() ? "range" : bound;
        if (q.kind == "year") { q.low = low; q.high = high; }
      } else {
        q.value = doublings ? std::pow(2.0, number) : Scaled(number + half, factor);
        if (q.kind == "year") q.value = number;
        q.bound = !before_bound.empty() ? before_bound
                  : !after_bound.empty() ? after_bound
                  : more ? "min"
                  : roughly ? "approx"
                  : !bound.empty() ? bound
                  : "exact";
        if (before_bound == "approx" && after_bound == "max") q.bound = "max";
        // 控制在2%左右: the word after says how the cap is meant.
        if (!after_bound.empty() && s.substr(prefix_start, t.start - prefix_start).find("控制在") != std::string_view::npos)
          q.bound = after_bound;
      }
      q.start = static_cast<uint32_t>(doublings ? t.start - 3 : t.start);  // 翻一番, with its verb
      q.end = static_cast<uint32_t>(span_end);
      q.text = std::string(s.substr(q.start, q.end - q.start));
      if (!cues) cues.emplace(s, context);
      q.modality = cues->Classify(t.start, span_end, s.substr(prefix_start, t.start - prefix_start));
      q.period = CombinedPeriod(cues->Period(prefix_start, span_end, q.kind), PeriodAfter(s, span_end));
      if (q.kind == "year") q.period.clear(), q.modality.clear();  // a calendar year is a date, not a promise
      if (q.kind == "duration" && !SpanFitsPeriod(q.unit, q.period)) q.period.clear();  // 每年递增10%，三年…
      // 5年来, 30年以来, 过去一年: the period a review looks back over, not a result or a promise;
      // nor is the time gone by since (建党已90年, 已经30年, 已有百年).
      std::string_view lead = s.substr(0, q.start);
      if (q.kind == "duration" && (StartsWith(s, span_end, "来") || StartsWith(s, span_end, "以来") || lead.ends_with("过去") ||
                                   lead.ends_with("已") || lead.ends_with("已经") || lead.ends_with("已有")))
        q.modality.clear();
      pos = std::max(pos, span_end);
      found.push_back(std::move(q));
    }
  next_token:;
  }
  if (!ratios.empty()) {
    // A quantity's words may reach into a ratio after it (its bound word, its unit): the ratio
    // gives way, so that spans stay apart.
    std::vector<Quantity> merged;
    merged.reserve(found.size() + ratios.size());
    std::merge(std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()), std::make_move_iterator(ratios.begin()),
               std::make_move_iterator(ratios.end()), std::back_inserter(merged),
               [](const Quantity& a, const Quantity& b) { return a.start < b.start; });
    found.clear();
    for (auto& q : merged) {
      if (!found.empty() && found.back().end > q.start) {
        if (q.kind == "ratio") continue;
        if (found.back().kind == "ratio") found.pop_back();
        else continue;
      }
      found.push_back(std::move(q));
    }
  }
  return ShareListedUnit(s, MergeUnitRanges(s, std::move(found)));
}

std::vector<NumberMention> FindAsciiNumbers(std::string_view s) {
  const Compiled& c = C();
  std::vector<NumberMention> found;
  size_t pos = 0;
  auto add = [&](size_t start, size_t end, double value, bool percent) {
    NumberMention m;
    m.start = static_cast<uint32_t>(start);
    m.end = static_cast<uint32_t>(end);
    m.value = value;
    m.percent = percent;
    found.push_back(m);
    pos = std::max(pos, end);
  };
  while (auto next = NextCleanToken(s, pos)) {
    size_t start = next->start, end = next->end;
    std::string_view text = next->text;
    Token::Kind kind = next->kind;
    if (kind == Token::kVague) {
      // 二十几万, 一百零几万: the stated base (几 read as 零), as for 二十多万; a leading 几 (几十)
      // or 数/上 states no base.
      std::string base(text);
      bool has_base = false;
      for (std::string_view vague : {"几", "幾"}) {
        for (size_t at; (at = base.find(vague)) != std::string::npos;) {
          has_base |= at > 0;
          base.replace(at, vague.size(), "零");
        }
      }
      if (has_base)
        if (auto v = ParseNumber(base)) add(start, end, *v, false);
      if (text == "半百") add(start, end, 50, false);  // 年过半百
      continue;
    }
    if (kind == Token::kFraction) {
      bool percent = IsPerUnitFraction(text);  // 百分之三十, 千分之五, 百万分之五
      if (auto v = ParseFraction(text)) add(start, end, percent ? *v * 100 : *v, percent);
      continue;
    }
    if (kind == Token::kRange) {
      std::string low_text, percent, high_text;
      if (!RE2::FullMatch(text, c.range_split, &low_text, &percent, &high_text)) continue;
      auto l = ParseNumber(low_text), h = ParseNumber(high_text);
      bool high_percent = StartsWith(s, end, "%");
      if (l) add(start, start + low_text.size(), *l, !percent.empty() || high_percent);
      if (h) add(end - high_text.size(), end + (high_percent ? 1 : 0), *h, high_percent);
      if (high_percent) pos = std::max(pos, end + 1);
      continue;
    }
    // 五十千, 七十百分位: the number ends where its units stop getting smaller.
    auto prefix = ParseNumberPrefix(text);
    if (!prefix) continue;
    if (prefix->length < text.size()) {
      UChar32 next = CharAt(text, prefix->length);
      if (DigitValue(next) >= 0) continue;  // 十四五: two numbers run together, a name
      end = start + prefix->length;
      text = s.substr(start, end - start);
      pos = end;
    }
    std::optional<double> v = prefix->value;
    if (!HasArabicDigit(text) && !HasChineseDigit(text) && text != "十") continue;  // 万, 千万, 拾: words
    // Chinese numerals inside a dictionary word (一切, 统一, 万一, 千载难逢) are not numbers; a
    // numeral of four characters or more (一千八百零三) is a number whatever follows it.
    if (!HasArabicDigit(text) && text.size() < 12 && NumeralInsideWord(s, start, end)) continue;
    size_t after = end;
    while (after < s.size() && s[after] == ' ') ++after;
    if (StartsWith(s, after, "多") || StartsWith(s, after, "余")) {  // 500余万, 一千多万: about 5000000
      bool multiplied = false;
      for (auto [unit_text, value] : {std::pair{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}}) {
        if (StartsWith(s, after + 3, unit_text)) {
          add(start, after + 3 + std::string_view(unit_text).size(), Scaled(*v, value), false);
          multiplied = true;
          break;
        }
      }
      if (!multiplied) add(start, end, *v, false);
      continue;
    }
    if (StartsWith(s, after, "%")) add(start, after + 1, *v, true);
    else if (StartsWith(s, after, "打")) add(start, after + 3, *v * 12, false);  // 一打: a dozen
    else if (StartsWith(s, after, "成半") && *v < 10) add(start, after + 6, *v * 10 + 5, true);
    else if (StartsWith(s, after, "个百分点")) add(start, after + 12, *v, true);
    else if (StartsWith(s, after, "成") && *v <= 10) {
      // 七成六: a second digit after 成 is the next decimal place (76%).
      size_t digit_at = after + 3;
      while (digit_at < s.size() && s[digit_at] == ' ') ++digit_at;
      int next = DigitValue(CharAt(s, digit_at));
      if (*v < 10 && next > 0 && DigitValue(CharAt(s, digit_at + U8_LENGTH(CharAt(s, digit_at)))) < 0)
        add(start, digit_at + U8_LENGTH(CharAt(s, digit_at)), *v * 10 + next, true);
      else
        add(start, after + 3, *v * 10, true);
    }
    else add(start, end, *v, false);
  }
  return found;
}

}  // namespace

std::vector<Quantity> ExtractQuantities(std::string_view s, std::string_view context) {
  std::optional<FoldedFigures> folded = FoldFullWidthFigures(s);
  if (!folded) return ExtractFromAsciiFigures(s, context);
  std::optional<FoldedFigures> folded_context = FoldFullWidthFigures(context);
  std::vector<Quantity> found =
      ExtractFromAsciiFigures(folded->text, folded_context ? std::string_view(folded_context->text) : context);
  for (Quantity& q : found) {
    q.start = folded->to_original[q.start];
    q.end = folded->to_original[q.end];
    q.text = std::string(s.substr(q.start, q.end - q.start));
  }
  return found;
}

std::vector<NumberMention> FindNumbers(std::string_view s) {
  std::optional<FoldedFigures> folded = FoldFullWidthFigures(s);
  if (!folded) return FindAsciiNumbers(s);
  std::vector<NumberMention> found = FindAsciiNumbers(folded->text);
  for (NumberMention& m : found) {
    m.start = folded->to_original[m.start];
    m.end = folded->to_original[m.end];
  }
  return found;
}

}  // namespace pledge
