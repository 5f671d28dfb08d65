// cjk_punct: ASCII , . ; : ? ! ( ) used as Chinese punctuation become ，。；：？！（）.
//
// "Used as Chinese punctuation" means next to Chinese text (spaces skipped). What stays ASCII:
// decimal points and thousands separators (4.5亿, 1,000: a digit on both sides), times (10:30),
// list numbers at a line start (1.加强…), anything inside a URL or e-mail address, and runs of
// dots (an ellipsis is not a full stop). A stray full stop right before a comma (亿元.,初步) is
// dropped, the comma carrying the pause; so is a comma right before another mark (13%，；).
// An ellipsis typed as dots (两手抓...两手, 。。。) and a dash typed as hyphens (亿元--比上年)
// beside Chinese text become …… and ——.

#include <algorithm>

#include "pipeline/rules/rule.h"
#include "pipeline/rules/url_spans.h"
#include "pipeline/unicode_util.h"

namespace pledge::rules {
namespace {

constexpr const char* kRule = "cjk_punct";

const char* FullWidth(char c) {
  switch (c) {
    case ',': return "，";
    case '.': return "。";
    case ';': return "；";
    case ':': return "：";
    case '?': return "？";
    case '!': return "！";
    case '(': return "（";
    case ')': return "）";
  }
  return nullptr;
}

struct Neighbour {
  UChar32 c = 0;      // 0: line edge
  size_t at = 0;      // byte offset of the character
  bool adjacent = false;  // no space in between
};

Neighbour Before(std::string_view text, size_t i) {
  Neighbour n;
  size_t j = SkipSpacesBack(text, i);
  n.adjacent = j == i;
  if (j == 0 || text[j - 1] == '\n') return n;
  n.c = Utf8Before(text, j, &n.at);
  return n;
}

// The character after the one-byte punctuation mark at i.
Neighbour After(std::string_view text, size_t i) {
  Neighbour n;
  size_t j = SkipSpaces(text, i + 1);
  n.adjacent = j == i + 1;
  if (j >= text.size() || text[j] == '\n' || text[j] == '\r') return n;
  n.at = j;
  n.c = Utf8At(text, j, nullptr);
  return n;
}

bool IsChineseText(UChar32 c) { return IsChineseContext(c); }

// The sign that ends a figure in Chinese text (51%, 8.04‰, 25℃): a mark after it closes the
// figure's Chinese clause, as after a digit.
bool EndsFigure(UChar32 c) { return IsAsciiDigit(c) || c == '%' || c == U'‰' || c == U'‱' || c == U'℃'; }

// Whether the figure that ends right before the mark at `mark` (1.1%, 8.04‰, 1,200) follows a
// hanzi: it is then part of a Chinese clause. A figure is short; only 40 bytes are looked at.
bool FigureFollowsHan(std::string_view text, size_t mark) {
  size_t j = mark, floor = mark > 40 ? mark - 40 : 0;
  while (j > floor) {
    size_t start;
    UChar32 c = Utf8Before(text, j, &start);
    if (!EndsFigure(c) && c != '.' && c != ',') return IsHan(c);
    j = start;
  }
  return false;
}

// Whether a hanzi is in `s` before its line ends.
bool HanWithin(std::string_view s) {
  for (size_t j = 0; j < s.size() && s[j] != '\n';)
    if (IsHan(Utf8At(s, j, &j))) return true;
  return false;
}

// Is the digit run ending at `at` a list number ("1." in "1.加强…", "附件：1.清单", "；2.落实")?
// It is one or two digits that start their line or follow Chinese punctuation (or U+FFFD, which
// may stand for a lost one); after a
// hanzi (达到100.下一步) the digits end a sentence instead.
bool IsListNumber(std::string_view text, size_t at) {
  size_t j = at;
  while (j > 0 && IsAsciiDigit(static_cast<unsigned char>(text[j - 1]))) --j;
  if (at - j > 2) return false;
  j = SkipSpacesBack(text, j);
  if (j == 0 || text[j - 1] == '\n') return true;
  switch (Utf8Before(text, j, nullptr)) {
    case U'：': case U'；': case U'，': case U'。': case U'、': case U'！': case U'？': case U'（': case U'）':
    case ':': case ';':  // still ASCII here when damaged (附件:1.清单): this pass converts them
    case 0xFFFD:  // a character lost to the wrong charset (做到：1.每年 read so, its ： gone) may be one
      return true;
    case '.':  // a full stop still ASCII (统计数.2.部分), not a decimal point (增长5.2.全年)
      return j >= 2 && !IsAsciiDigit(static_cast<unsigned char>(text[j - 2]));
  }
  return false;
}

// The ASCII marks this pass converts (brackets aside), and what a run of them may hold without
// ending: the run scan and the sweep from the right must agree on it.
constexpr ByteSet kMarks(",.;:?!");
constexpr ByteSet kRunOfMarks(",.;:?! ()\"");
// What is looked past after a "(" (,,中 / ""中).
constexpr ByteSet kMarksAndQuotes(",.;:?! \"");

// A pair of ASCII brackets on one line, and whether this pass converts it.
struct BracketPair {
  size_t open, close;
  bool converted;
};

// A mark the forward scan left ASCII, with what it saw before it.
struct PendingMark {
  size_t at;
  char c;
  UChar32 prev;  // the character before it, past spaces and quotes
  bool blocked;  // stays ASCII whatever follows: ellipses, 1,000, 10:30, list numbers, v1.2
};

// Would this mark convert if Chinese punctuation followed it (the forward scan's rules with
// next_cn true; prev was not Chinese, or it would have converted)?
bool ConvertsBeforeChinese(const PendingMark& m) {
  if (m.blocked) return false;
  if (m.c == '.') return EndsFigure(m.prev);
  if (m.c == ',' && EndsFigure(m.prev)) return true;
  return !IsAsciiAlpha(m.prev) && !IsAsciiDigit(m.prev);
}

// What one line's forward scan leaves for the sweep from the right.
struct LineState {
  size_t start = 0;                  // first byte of the line
  std::vector<BracketPair> pairs;    // in order of their )
  std::vector<PendingMark> marks;    // in order
  std::vector<size_t> converted;     // positions the forward scan converted
  void Reset(size_t next_start) {
    start = next_start;
    pairs.clear();
    marks.clear();
    converted.clear();
  }
};

// The forward scan decides each mark from what follows it as written, but what follows may be
// converted later in the scan: the marks before a pair that converts at its ), a pair whose )
// is followed by the next, converted pair. The next run would see that Chinese punctuation and
// convert them, one link of such a chain per run. This sweep from the right settles the chain
// in one pass: it carries, right to left, whether the first thing past the ASCII marks, spaces,
// quotes and brackets is a mark this pass converted, and converts the pending marks (by the
// forward scan's rules with Chinese after them) and pairs that reach one.
void SettleLine(std::string_view text, size_t end, LineState& line, PassOutput& out, const char* rule) {
  // Most lines have nothing to settle: no conversion to reach, or nothing that could convert.
  if (line.converted.empty()) return;
  bool candidates = std::any_of(line.pairs.begin(), line.pairs.end(), [](const BracketPair& p) { return !p.converted; }) ||
                    std::any_of(line.marks.begin(), line.marks.end(), ConvertsBeforeChinese);
  if (!candidates) return;
  std::vector<bool> converted(end - line.start, false);
  for (size_t at : line.converted) converted[at - line.start] = true;
  bool reaches_converted = false;  // past the transparent run after the current position
  size_t mark = line.marks.size(), pair = line.pairs.size();
  for (size_t j = end; j-- > line.start;) {
    if (pair > 0 && line.pairs[pair - 1].close == j) {
      BracketPair& p = line.pairs[--pair];
      if (!p.converted && reaches_converted) {
        out.Replace(p.open, p.open + 1, "（", rule);
        out.Replace(p.close, p.close + 1, "）", rule);
        p.converted = converted[p.open - line.start] = converted[p.close - line.start] = true;
      }
    } else if (mark > 0 && line.marks[mark - 1].at == j) {
      const PendingMark& m = line.marks[--mark];
      if (reaches_converted && ConvertsBeforeChinese(m)) {
        out.Replace(j, j + 1, FullWidth(m.c), rule);
        converted[j - line.start] = true;
      }
    }
    if (converted[j - line.start]) reaches_converted = true;
    else if (!kRunOfMarks.Contains(text[j])) reaches_converted = false;
  }
}

}  // namespace

// A full-width comma inside a number (４，５６５ after the width pass: 4，565) is a thousands
// separator typed in the wrong width: exactly three digits follow it.
void ThousandsSeparators(std::string_view text, PassOutput& out) {
  static constexpr std::string_view kComma = "，";
  for (size_t at = text.find(kComma); at != std::string_view::npos; at = text.find(kComma, at + kComma.size())) {
    size_t next = at + kComma.size();
    if (at == 0 || !IsAsciiDigit(static_cast<unsigned char>(text[at - 1]))) continue;
    if (next + 3 > text.size()) continue;
    bool three = IsAsciiDigit(static_cast<unsigned char>(text[next])) && IsAsciiDigit(static_cast<unsigned char>(text[next + 1])) &&
                 IsAsciiDigit(static_cast<unsigned char>(text[next + 2]));
    bool then_stop = next + 3 == text.size() || !IsAsciiDigit(static_cast<unsigned char>(text[next + 3]));
    // The digits before must not run longer than a thousands group allows (1，234 yes; 12345，678 no).
    size_t before = 0;
    for (size_t j = at; j > 0 && IsAsciiDigit(static_cast<unsigned char>(text[j - 1])); --j) ++before;
    if (three && then_stop && before <= 3) out.Replace(at, next, ",", "width");
  }
}

// A comma after a word or figure and right before another mark (增长13%，；, 省委，、省政府, 步伐，。, ，，) is one a reposting
// site put in: Chinese text never writes a comma there, and the other mark is the writer's.
void CommasBeforeMarks(std::string_view text, PassOutput& out) {
  static constexpr std::string_view kComma = "，";
  static constexpr std::string_view kMarks[] = {"，", "；", "。", "、", "："};
  for (size_t at = text.find(kComma); at != std::string_view::npos; at = text.find(kComma, at + kComma.size())) {
    std::string_view after = text.substr(at + kComma.size());
    // Every such mark starts with byte E3 or EF: most commas are ruled out by one comparison.
    if (after.empty() || (after[0] != '\xE3' && after[0] != '\xEF')) continue;
    bool mark_follows = false;
    for (std::string_view mark : kMarks) mark_follows |= after.starts_with(mark);
    if (!mark_follows) continue;
    // After a word or a figure: a row of marks alone (a table of punctuation) is no sentence.
    UChar32 before = at == 0 ? 0 : Utf8Before(text, at, nullptr);
    if (IsHan(before) || IsAsciiDigit(before) || IsAsciiAlpha(before) || before == '%' || before == 0x2030)
      out.Delete(at, at + kComma.size(), kRule);
  }
}

// An ellipsis typed as dots (两手抓...两手, 。。。) and a dash typed as hyphens (投资100亿元--比上年)
// beside Chinese text are the Chinese marks a keyboard without them stood in for: …… and ——.
// Not in URLs, and not a hyphen run between figures (a table's rule, 2024--2025 as written).
bool HoldsTypedMarks(std::string_view text) { return ContainsAny(text, {"...", "--", "。。。"}); }
void EllipsesAndDashes(std::string_view text, const std::vector<TextSpan>& urls, PassOutput& out) {
  SpanCursor in_url(urls);
  for (size_t i = 0; i < text.size();) {
    std::string_view unit = text[i] == '.' ? "." : text[i] == '-' ? "-" : text.substr(i, 3) == "。" ? "。" : "";
    if (unit.empty()) { ++i; continue; }
    size_t end = i;
    while (text.substr(end, unit.size()) == unit) end += unit.size();
    size_t count = (end - i) / unit.size();
    UChar32 before = i > 0 ? Utf8Before(text, i, nullptr) : 0, after = end < text.size() ? Utf8At(text, end, nullptr) : 0;
    bool chinese = IsChineseContext(before) || IsChineseContext(after);
    // After a figure of a Chinese clause (到位率达到100%...): what stands before the figure.
    if (!chinese && unit == "." && (IsAsciiDigit(before) || before == '%')) {
      size_t figure = i;
      while (figure > 0 && (IsAsciiDigit(static_cast<unsigned char>(text[figure - 1])) || text[figure - 1] == '%' ||
                            text[figure - 1] == '.'))
        --figure;
      chinese = figure > 0 && IsHan(Utf8Before(text, figure, nullptr));
    }
    bool ellipsis = unit != "-" && count >= 3 && count <= 6;
    bool dash = unit == "-" && count >= 2 && count <= 4 && !IsAsciiDigit(before) && !IsAsciiDigit(after);
    // 。。。 is an ellipsis wherever it stands; dots and hyphens only beside Chinese text.
    if ((ellipsis || dash) && (chinese || unit == "。") && !in_url.Contains(i))
      out.Replace(i, end, dash ? "——" : "……", kRule);
    i = end;
  }
}

void CjkPunct(std::string_view text, PassOutput& out) {
  ThousandsSeparators(text, out);
  CommasBeforeMarks(text, out);
  static constexpr ByteSet kPunct(",.;:?!()\n");
  const bool typed_marks = HoldsTypedMarks(text), punct = kPunct.FindIn(text) != std::string_view::npos;
  if (!typed_marks && !punct) return;
  // URLs and e-mail addresses keep their marks; a mark right after one that stands in Chinese
  // text (邮箱：a@b.cn. / 见www.gov.cn,请) is the sentence's. Found once for both scans.
  const std::vector<TextSpan> protected_spans = FindUrlSpans(text);
  if (typed_marks) EllipsesAndDashes(text, protected_spans, out);
  if (!punct) return;
  SpanCursor in_protected(protected_spans);

  // Parentheses pair up within a line; remember open ones to convert both sides together.
  std::vector<size_t> open_parens;
  LineState line;
  size_t converted_end = std::string_view::npos;  // end of the last mark converted
  size_t run_end = std::string_view::npos;        // end of the current run of marks
  bool run_next_cn = false;                        // whether Chinese text follows that run
  for (size_t i = kPunct.FindIn(text); i != std::string_view::npos; i = kPunct.FindIn(text, i + 1)) {
    char c = text[i];
    if (c == '\n') {
      open_parens.clear();
      SettleLine(text, i, line, out, kRule);
      line.Reset(i + 1);
      continue;
    }
    if (in_protected.Contains(i)) continue;

    Neighbour prev = Before(text, i), next = After(text, i);
    if (const TextSpan* url = in_protected.EndingAt(i); url && url->start > 0) {
      Neighbour before_url = Before(text, url->start);
      if (IsChineseText(before_url.c)) prev.c = before_url.c, prev.at = before_url.at;
    }
    // A quote mark between us and the text (经济\". / ",中) is transparent: the quotes pass
    // will make it Chinese, and we must decide now, not on a second run.
    // A run of them (中"""?) is as transparent as one.
    if (prev.c == '"' && prev.at > 0) {
      size_t before_quote = prev.at;
      while (before_quote > 0 && (text[before_quote - 1] == '"' || text[before_quote - 1] == '\\')) --before_quote;
      if (before_quote > 0) prev.c = Utf8Before(text, before_quote, &prev.at);  // at: for converted_end below
    }
    if (next.c == '"' || next.c == '(') {
      size_t after_quote = next.at + 1;
      while (next.c == '"' && after_quote < text.size() && text[after_quote] == '"') ++after_quote;
      // After "(", a run of marks and quotes (,,中 / ""中) is looked past as well: this pass and
      // the quotes pass may convert it.
      while (next.c == '(' && after_quote < text.size() && kMarksAndQuotes.Contains(text[after_quote])) ++after_quote;
      if (after_quote < text.size()) next.c = Utf8At(text, after_quote, nullptr);
    }
    if (prev.c == ')' && prev.at > 0) prev.c = Utf8Before(text, prev.at, nullptr);
    bool prev_cn = IsChineseText(prev.c), next_cn = IsChineseText(next.c);
    // A run of marks (工作.: / ;;;;) follows its first mark: one converted just before us in
    // this pass counts as Chinese now, or a second run would convert us.
    if (prev.c > 0 && prev.c < 0x80 && converted_end == prev.at + 1) prev_cn = true;
    // Likewise a run of marks before Chinese text (q!!!！中): each looks past the run to what
    // follows it. The run's end is found once per run, so a long run stays linear.
    if (kMarks.Contains(next.c)) {
      if (run_end == std::string_view::npos || run_end <= i) {
        run_end = i + 1;  // the mark itself may be a ) that does not belong to the run
        // Brackets or a quote inside the run (,,,(,,中 / !()!中 / ,"中) do not end it: what this pass does
        // to the marks after it must not change what it decides for the marks before.
        while (run_end < text.size() && kRunOfMarks.Contains(text[run_end])) ++run_end;
        Neighbour beyond = After(text, run_end - 1);
        run_next_cn = IsChineseText(beyond.c);
      }
      next_cn = run_next_cn;
    }
    bool digits_around = IsAsciiDigit(prev.c) && IsAsciiDigit(next.c) && prev.adjacent && next.adjacent;
    // A figure in a Chinese clause (环比下降1.1%;I类) ends that clause, whatever follows the mark.
    bool after_chinese_figure = EndsFigure(prev.c) && prev.adjacent && !IsAsciiDigit(next.c) && FigureFollowsHan(text, i);

    switch (c) {
      case '(':
        open_parens.push_back(i);
        continue;
      case ')': {
        if (open_parens.empty()) {
          // Unpaired: only the text it closes decides (what follows may itself change now).
          if (prev_cn) {
            out.Replace(i, i + 1, FullWidth(c), kRule);
            converted_end = i + 1;  // marks right after it follow it (！！）!!! → all full width)
            line.converted.push_back(i);
          }
          continue;
        }
        size_t open = open_parens.back();
        open_parens.pop_back();
        // A bracketed aside is short; only its first bytes are looked at (nested brackets
        // must not make this quadratic).
        std::string_view inside = text.substr(open + 1, std::min<size_t>(i - open - 1, 240));
        bool han_inside = false;
        for (size_t j = 0; j < inside.size() && !han_inside;) han_inside = IsHan(Utf8At(inside, j, &j));
        UChar32 outside_before = Before(text, open).c;
        // (2)CPI涨幅…: a list number in brackets opening a line of Chinese text.
        bool list_marker = outside_before == 0 && !inside.empty() && inside.size() <= 2 &&
                           std::all_of(inside.begin(), inside.end(), [](char d) { return IsAsciiDigit(d); }) &&
                           HanWithin(text.substr(i + 1, 60));
        bool convert = han_inside || IsHan(outside_before) || next_cn || list_marker;
        if (convert) {
          out.Replace(open, open + 1, "（", kRule);
          out.Replace(i, i + 1, "）", kRule);
          converted_end = i + 1;
          line.converted.push_back(open);
          line.converted.push_back(i);
        }
        line.pairs.push_back({open, i, convert});
        continue;
      }
      case '.': {
        bool ellipsis = (i > 0 && text[i - 1] == '.') || (i + 1 < text.size() && text[i + 1] == '.');
        bool abbreviation = IsAsciiAlpha(prev.c) && IsAsciiAlpha(next.c);  // abbreviations, domains
        bool list_number = IsAsciiDigit(prev.c) && prev.adjacent && IsListNumber(text, i);
        bool stop_comma = i + 1 < text.size() && text[i + 1] == ',';  // "亿元.,初步"
        bool blocked = ellipsis || digits_around || abbreviation || list_number;
        bool ends_chinese = prev_cn || (EndsFigure(prev.c) && (next_cn || next.c == 0)) ||
                            (after_chinese_figure && !IsAsciiDigit(prev.c));  // 下降1.1%.I类; 1.1.I is a number's
        if (blocked || !ends_chinese) {
          line.marks.push_back({i, c, prev.c, blocked || stop_comma});
          continue;
        }
        if (stop_comma) {  // the comma carries the pause
          out.Replace(i, i + 2, "，", kRule);
          line.converted.push_back(i);
          line.converted.push_back(i + 1);
          i += 1;
          converted_end = i + 1;
          continue;
        }
        out.Replace(i, i + 1, "。", kRule);
        converted_end = i + 1;
        line.converted.push_back(i);
        continue;
      }
      default: {
        // 10:30 and 1,000 stay.
        bool blocked = (c == ':' || c == ',') && digits_around;
        bool convert = !blocked &&
                       (prev_cn || (next_cn && !IsAsciiAlpha(prev.c) && !(IsAsciiDigit(prev.c) && c != ',')));
        if (!blocked && c == ',' && EndsFigure(prev.c) && next_cn) convert = true;  // 51%,工业 / 15天,市直
        if (!blocked && after_chinese_figure) convert = true;                       // 下降1.1%;I类
        if (convert) {
          out.Replace(i, i + 1, FullWidth(c), kRule);
          converted_end = i + 1;
          line.converted.push_back(i);
        } else {
          line.marks.push_back({i, c, prev.c, blocked});
        }
      }
    }
  }
  SettleLine(text, text.size(), line, out, kRule);
}

}  // namespace pledge::rules
