// quotes: reversed or unbalanced double quotes (”一线工作法“), escaped \" and ASCII "…" in
// Chinese text, and apostrophes a converter wrote for one of a pair ('两个确保“), become balanced “…”.
//
// Per line, every double-quote mark is assigned "open" or "close" by a small dynamic program:
// each choice costs what its context says against it (an opening quote follows a line start,
// a space, punctuation or a verb of saying; a closing one precedes punctuation, a line end or
// 的), and an orphan (a quote whose partner is missing) costs a fixed penalty. A line whose
// marks already alternate “ ” “ ” is left alone, so clean text never changes. An orphaned
// opening quote followed by more quotes on its line gets its missing closing quote before the
// next sentence end; one at the end of a line is a quotation running on into the next paragraph
// (Chinese convention) and is kept as it is. A line holding U+FFFD is left alone.
#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include "pipeline/rules/rule.h"
#include "pipeline/unicode_util.h"

namespace pledge::rules {
namespace {

constexpr const char* kRule = "quotes";
constexpr UChar32 kLeft = 0x201C, kRight = 0x201D;

struct Mark {
  size_t start, end;
  UChar32 glyph;  // kLeft, kRight, or '"' for ASCII / escaped / full-width
  int open_cost = 0, close_cost = 0;
};

bool OpensAfter(UChar32 c) {  // context before an opening quote
  switch (c) {
    case 0: case ' ': case 0x3000: case 0xFF1A: case 0xFF0C: case 0x3002: case 0xFF1B: case 0x3001: case 0xFF01:
    case 0xFF1F: case 0xFF08: case 0x300A: case 0x3010: case 0x2014: case 0x2026: case ':': case ',':
    case '(': case 0x2018:
      return true;
  }
  return false;
}
bool EndsSentence(UChar32 c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F; }  // 。！？
bool WeakOpensAfter(UChar32 c) {  // verbs and particles that often introduce a quotation
  switch (c) {
    case U'说': case U'道': case U'了': case U'是': case U'为': case U'出': case U'称': case U'即':
    case U'以': case U'着': case U'把': case U'对': case U'向': case U'在': case U'的': case U'搞':
    case U'行': case U'施': case U'做': case U'当': case U'谓': case U'叫':
      return true;
  }
  return false;
}
bool ClosesBefore(UChar32 c) {  // context after a closing quote
  switch (c) {
    case 0: case ' ': case 0x3000: case 0xFF0C: case 0x3002: case 0x3001: case 0xFF1B: case 0xFF1A: case 0xFF01:
    case 0xFF1F: case 0xFF09: case 0x300B: case 0x3011: case 0x2026: case 0x2014: case ',': case '.':
    case ';': case ':': case '?': case '!': case ')': case 0x2019:
      return true;
  }
  return false;
}
bool WeakClosesBefore(UChar32 c) {
  switch (c) {
    case U'的': case U'等': case U'中': case U'里': case U'上': case U'时': case U'和': case U'与':
    case U'为': case U'是': case U'了': case U'这': case U'之': case U'战': case U'人':
      return true;
  }
  return false;
}

// A plain ASCII " on a line, and whether it has Chinese text beside it.
struct AsciiQuote {
  size_t start, end;
  bool chinese;
};

bool IsQuoteMark(UChar32 c) { return c == '"' || c == kLeft || c == kRight || c == 0xFF02; }

// The nearest characters before `start` and from `end` on that are not double quotes (0 at the
// line's ends): whether an ASCII quote is in Chinese text must not change once its neighbours
// in a run like """ have become “ ” (idempotence).
UChar32 NonQuoteBefore(std::string_view text, size_t start, size_t line_start) {
  while (start > line_start) {
    size_t prev;
    UChar32 c = Utf8Before(text, start, &prev);
    if (!IsQuoteMark(c) && !(c == '\\' && start < text.size() && text[start] == '"')) return c;
    start = prev;
  }
  return 0;
}
UChar32 NonQuoteFrom(std::string_view text, size_t end, size_t line_end) {
  while (end < line_end) {
    size_t next;
    UChar32 c = Utf8At(text, end, &next);
    if (!IsQuoteMark(c) && !(c == '\\' && next < line_end && text[next] == '"')) return c;
    end = next;
  }
  return 0;
}

// The whitespace pass runs after this one and deletes the spaces it judges (SpaceGoesBetween)
// to lie between a character and the Chinese quote a mark becomes. The neighbours that decide a
// quote's direction are the ones left after that deletion, or a second normalization would
// decide differently. Another quote mark beside the space counts as Chinese, converted or not:
// both runs agree.
bool StaysNextToSpace(UChar32 c) { return !(IsQuoteMark(c) || SpaceGoesBetween(c, kLeft)); }

UChar32 NeighbourBefore(std::string_view text, size_t start, size_t line_start) {
  size_t j = start;
  j = std::max(line_start, SkipSpacesBack(text, j));
  if (j == start) return start > line_start ? Utf8Before(text, start, nullptr) : 0;
  if (j == line_start) return ' ';  // an indent stays
  UChar32 c = Utf8Before(text, j, nullptr);
  return StaysNextToSpace(c) ? ' ' : c;
}

UChar32 NeighbourAfter(std::string_view text, size_t end, size_t line_end) {
  size_t j = end;
  j = std::min(line_end, SkipSpaces(text, j));
  if (j == line_end || text[j] == '\r') return 0;  // the line ends here (spaces at a line end go)
  UChar32 c = Utf8At(text, j, nullptr);
  if (j == end) return c;
  return StaysNextToSpace(c) ? ' ' : c;
}

// An English quotation in Chinese text (所言，"China is building the future.") has Chinese on
// one side of one mark only. Converting that mark alone would leave “…" half Chinese: a pair
// of ASCII quotes (taken in order) with no Chinese inside and a mark with none beside it is
// English and stays ASCII, both marks.
void DropEnglishQuotations(std::string_view text, const std::vector<AsciiQuote>& ascii, std::vector<Mark>& marks) {
  if (ascii.size() < 2 || marks.empty()) return;
  std::vector<size_t> english;  // starts of the marks to drop
  for (size_t k = 0; k + 1 < ascii.size(); k += 2) {
    const auto &open = ascii[k], &close = ascii[k + 1];
    if (open.chinese && close.chinese) continue;
    bool chinese_inside = false;
    for (size_t i = open.end; i < close.start && !chinese_inside;) chinese_inside = IsChineseContext(Utf8At(text, i, &i));
    if (chinese_inside) continue;
    english.push_back(open.start);
    english.push_back(close.start);
  }
  if (english.empty()) return;
  std::erase_if(marks, [&](const Mark& m) { return std::binary_search(english.begin(), english.end(), m.start); });
}

// Returns whether the line ends inside a quotation (its last mark, as written out, is “).
// `open_before`: the lines before left a quotation open (a quotation broken over lines).
bool ProcessLine(std::string_view text, size_t line_start, size_t line_end, bool open_before, PassOutput& out) {
  std::vector<Mark> marks;
  std::vector<AsciiQuote> ascii;  // plain " marks, in order
  bool needs_work = false;
  // Only these bytes can begin a mark: " \ ' and the lead bytes of “ ” (E2) and ＂ (EF).
  static constexpr ByteSet kMarkStart("\"\\'\xE2\xEF");
  struct Apostrophe {
    size_t start, end;
    bool opens, closes;  // placed as an opening quote is, as a closing one is
  };
  std::vector<Apostrophe> apostrophes;  // those that may be quotes
  std::vector<size_t> every_apostrophe;
  std::string_view line = text.substr(0, line_end);
  for (size_t i = kMarkStart.FindIn(line, line_start); i != std::string_view::npos && i < line_end;
       i = kMarkStart.FindIn(line, i)) {
    size_t start = i;
    UChar32 c = Utf8At(text, i, &i);
    if (c == kLeft || c == kRight || c == 0xFF02) {
      marks.push_back({start, i, c == 0xFF02 ? '"' : c});
    } else if (c == '\'') {
      every_apostrophe.push_back(start);
      // An opening quote a converter wrote as an apostrophe ('两个确保“, its closing quote then
      // reversed): in Chinese text, before a word. Not 5'30" or China's.
      // Or a closing quote so written (“两高'项目, “1+N'体系), before Chinese text or the line's end.
      UChar32 before = start > line_start ? Utf8Before(text, start, nullptr) : 0;
      UChar32 after = i < line_end ? Utf8At(text, i, nullptr) : 0;
      // A figure before it makes it a prime (东经116°23'，5'30): no quote closes after a digit.
      auto word = [](UChar32 c) { return IsHan(c) || IsAsciiDigit(c) || IsAsciiAlpha(c); };
      bool opens = (before == 0 || before == ' ' || before == 0x3000 || IsChineseContext(before)) && word(after);
      bool closes = ((word(before) && !IsAsciiDigit(before)) || EndsSentence(before)) &&
                    (after == 0 || IsChineseContext(after) || (after < 0x80 && std::strchr(",.;:!?", static_cast<char>(after))));
      if (opens || closes) apostrophes.push_back({start, i, opens, closes});
    } else if (c == '"' || (c == '\\' && i < line_end && text[i] == '"')) {
      size_t end = c == '\\' ? i + 1 : i;
      // ASCII quotes count only in Chinese text.
      UChar32 before = NonQuoteBefore(text, start, line_start), after = NonQuoteFrom(text, end, line_end);
      bool chinese = IsChineseContext(before) || IsChineseContext(after);
      if (chinese) marks.push_back({start, end, '"'});
      if (c == '"') ascii.push_back({start, end, chinese});
      i = end;
    }
  }
  DropEnglishQuotations(text, ascii, marks);
  // An apostrophe is a quote only where its partner is a double quote, the next mark after an
  // opening one ('两个确保“，'九大战略“) and the mark before a closing one (“两高'): a pair of
  // apostrophes ('两个确保') is a single-quoted quotation.
  if (!apostrophes.empty() && !marks.empty()) {
    size_t before_count = marks.size();
    auto doubles_end = marks.begin() + before_count;
    for (size_t a = 0; a < apostrophes.size(); ++a) {
      const Apostrophe& apostrophe = apostrophes[a];
      auto next = std::lower_bound(marks.begin(), doubles_end, apostrophe.end, [](const Mark& m, size_t at) { return m.start < at; });
      auto next_apostrophe = std::upper_bound(every_apostrophe.begin(), every_apostrophe.end(), apostrophe.start);
      bool partner = false;
      if (apostrophe.opens)
        partner = next != doubles_end && (next_apostrophe == every_apostrophe.end() || next->start < *next_apostrophe);
      // A closing one's partner opens: “两高', not the ” of a quotation already closed.
      if (apostrophe.closes && !partner) {
        bool apostrophe_before = next_apostrophe - every_apostrophe.begin() >= 2;  // one before this one
        partner = next != marks.begin() && std::prev(next)->glyph != kRight &&
                  (!apostrophe_before || std::prev(next)->start > *(next_apostrophe - 2));
      }
      if (partner) marks.push_back({apostrophe.start, apostrophe.end, '"'});
    }
    std::inplace_merge(marks.begin(), marks.begin() + before_count, marks.end(),
                       [](const Mark& x, const Mark& y) { return x.start < y.start; });
  }
  if (marks.empty()) return open_before;
  for (auto& m : marks) {
    UChar32 before = NeighbourBefore(text, m.start, line_start), after = NeighbourAfter(text, m.end, line_end);
    m.open_cost = OpensAfter(before) ? 0 : WeakOpensAfter(before) ? 1 : 2;
    if (ClosesBefore(after)) m.open_cost += 2;
    m.close_cost = ClosesBefore(after) ? 0 : WeakClosesBefore(after) ? 1 : 2;
    // After 。！？ a quotation closes as often as one opens (“要发展。”他说): no penalty there.
    if (OpensAfter(before) && before != ' ' && before != 0x3000 && !EndsSentence(before)) m.close_cost += 2;
  }
  // A quotation rarely runs past a sentence end and then closes in mid-clause: such a close
  // more likely belongs to a quote whose partner is missing. The sentence end right before the
  // mark is the quotation's own (“要发展。”他说).
  for (size_t k = 1; k < marks.size(); ++k) {
    UChar32 after = marks[k].end < line_end ? Utf8At(text, marks[k].end, nullptr) : 0;
    if (!IsHan(after)) continue;
    for (size_t i = marks[k - 1].end; i < marks[k].start;) {
      UChar32 c = Utf8At(text, i, &i);
      if (EndsSentence(c) && i < marks[k].start) { ++marks[k].close_cost; break; }
    }
  }

  for (size_t k = 0; k < marks.size(); ++k) {
    UChar32 expected = k % 2 == 0 ? kLeft : kRight;
    if (marks[k].glyph != expected) needs_work = true;
  }
  // Already alternating: leave it, unless an odd count ends in an opening quote that its
  // context says is a closing one (a missing quote earlier on the line).
  if (marks.size() % 2 == 1 && marks.back().open_cost > 1) needs_work = true;
  // The close of a quotation the lines before opened, then alternating: ”… “…” is right too.
  if (needs_work && open_before) {
    needs_work = false;
    for (size_t k = 0; k < marks.size(); ++k)
      if (marks[k].glyph != (k % 2 == 0 ? kRight : kLeft)) needs_work = true;
  }
  if (!needs_work) return marks.back().glyph == kLeft;

  // DP over depth (0: outside a quotation, 1: inside). choice: 0 open, 1 close,
  // 2 open that orphans the previous open, 3 close that is itself an orphan.
  constexpr int kOrphan = 3, kRunOn = 1, kInf = std::numeric_limits<int>::max() / 4;
  size_t n = marks.size();
  std::vector<std::array<int, 2>> cost(n + 1, {kInf, kInf});
  std::vector<std::array<std::pair<int, int>, 2>> from(n + 1);  // (previous depth, choice)
  cost[0][0] = 0;
  for (size_t k = 0; k < n; ++k) {
    const Mark& m = marks[k];
    auto relax = [&](int depth, int c, int prev_depth, int choice) {
      if (c < cost[k + 1][depth]) { cost[k + 1][depth] = c; from[k + 1][depth] = {prev_depth, choice}; }
    };
    if (cost[k][0] < kInf) {
      relax(1, cost[k][0] + m.open_cost, 0, 0);
      relax(0, cost[k][0] + m.close_cost + kOrphan, 0, 3);
    }
    if (cost[k][1] < kInf) {
      relax(0, cost[k][1] + m.close_cost, 1, 1);
      relax(1, cost[k][1] + m.open_cost + kOrphan, 1, 2);
    }
  }
  int depth = cost[n][0] <= cost[n][1] + kRunOn ? 0 : 1;
  std::vector<int> choice(n);
  for (size_t k = n; k > 0; --k) {
    auto [prev, c] = from[k][depth];
    choice[k - 1] = c;
    depth = prev;
  }

  for (size_t k = 0; k < n; ++k) {
    bool open = choice[k] == 0 || choice[k] == 2;
    UChar32 glyph = open ? kLeft : kRight;
    bool inserted = false;
    if (choice[k] == 2) {
      // The previous open quote lost its partner: close it before the next sentence end.
      // In state 1 the mark just before this one was the open quote now orphaned.
      if (k > 0 && (choice[k - 1] == 0 || choice[k - 1] == 2)) {
        const Mark& orphan = marks[k - 1];
        for (size_t i = orphan.end; i < marks[k].start;) {
          size_t s = i;
          UChar32 c = Utf8At(text, i, &i);
          if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F) {
            out.Replace(s, i, "”" + Utf8Of(c), kRule);
            inserted = true;
            break;
          }
        }
      }
    }
    (void)inserted;
    if (marks[k].glyph != glyph) out.Replace(marks[k].start, marks[k].end, Utf8Of(glyph), kRule);
  }
  return choice[n - 1] == 0 || choice[n - 1] == 2;
}

// Finds double-quote marks (" “ ” ＂) in order: each kind's next position is searched again
// only once the scan has passed it, so the whole text is scanned once per kind.
class QuoteMarkFinder {
 public:
  explicit QuoteMarkFinder(std::string_view text) : text_(text) {}
  size_t NextFrom(size_t from) {
    size_t first = std::string_view::npos;
    for (size_t k = 0; k < kMarks.size(); ++k) {
      if (next_[k] != std::string_view::npos && (next_[k] < from || !searched_[k])) {
        next_[k] = text_.find(kMarks[k], from);
        searched_[k] = true;
      }
      first = std::min(first, next_[k]);
    }
    return first;
  }

 private:
  static constexpr std::array<std::string_view, 4> kMarks = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xEF\xBC\x82"};
  std::string_view text_;
  std::array<size_t, 4> next_{0, 0, 0, 0};
  std::array<bool, 4> searched_{false, false, false, false};
};

}  // namespace

void Quotes(std::string_view text, PassOutput& out) {
  QuoteMarkFinder marks(text);
  size_t next_mark = marks.NextFrom(0);
  if (next_mark == std::string_view::npos) return;
  size_t line_start = 0;
  bool open = false;  // a quotation left open by the lines before
  while (line_start <= text.size()) {
    size_t nl = text.find('\n', line_start);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    if (next_mark < line_start) next_mark = marks.NextFrom(line_start);
    if (next_mark == std::string_view::npos) break;
    // A line with U+FFFD may have lost a quote mark there (a UTF-8 page read as GBK loses the
    // “ of “1+N”): its marks are left as they are, rather than balanced without the lost one.
    if (next_mark < line_end && text.substr(line_start, line_end - line_start).find("\xEF\xBF\xBD") == std::string_view::npos)
      open = ProcessLine(text, line_start, line_end, open, out);  // lines without quotes: nothing to do
    if (nl == std::string_view::npos) break;
    line_start = nl + 1;
  }
}

}  // namespace pledge::rules
