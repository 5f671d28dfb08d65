// whitespace (the run part): spaces at a line end go; an indent stays as written, of U+3000
// (　　, as Chinese documents set a paragraph) or of ASCII spaces (a text's own typography, or a
// scraped page's mark of a new article: either way nothing to repair), as do two or more before
// a line's next field (联系人：王某某　　电话：, …办公室　　2024年5月20日印发); spaces between two Chinese
// characters go (this also closes up letter-spaced titles, 政 府 工 作 报 告), and so do spaces
// before or after Chinese punctuation, which is never spaced (5%&nbsp;。, 。 GDP); any other run
// becomes one space, except around a figure or a Latin letter beside a hanzi in a line of
// clauses (全年投资 100 亿元，增长 6.5%: a PDF's or a page's spacing), where it goes unless a
// field or a colophon's date follows. Where a line's spaces separate (table_rows.h), a run
// between hanzi becomes one space too: between the cells of a table row or header (公路总里程 公里), and between words
// of two characters or more in a line that is not a sentence (中共中央 国务院, 市长 王某某) or
// in such an aside in brackets (（记者 张三 李四）), after the article number or label that opens a
// line (第一条 为了…, 专栏1 “十四五”…; a U+3000 there stays as written), and inside a pair of
// brackets drawn empty (〔 〕).
#include "extractors/chinese_number.h"
#include "pipeline/rules/headings.h"
#include "pipeline/rules/rule.h"
#include "pipeline/rules/table_rows.h"
#include "pipeline/unicode_util.h"

namespace pledge::rules {

bool SpaceGoesBetween(UChar32 before, UChar32 after) {
  if (IsChineseContext(before) && IsChineseContext(after)) return true;
  // Beside Chinese punctuation, unless the other side is an ASCII quote the quotes pass left
  // (English, or not next to Chinese): whether it counts as next to Chinese must not change.
  return (IsChinesePunct(before) || IsChinesePunct(after)) && before != '"' && after != '"';
}

namespace {

// A hanzi on one side, a figure or a Latin letter (or a figure's %) on the other: 投资 100, 6.5% 以上.
bool SpacedFigure(UChar32 before, UChar32 after) {
  auto figure_or_letter = [](UChar32 c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); };
  return (IsHan(before) && figure_or_letter(after)) || ((figure_or_letter(before) || before == '%') && IsHan(after));
}

// The names that end an issuing body: the party's and the state's central organs, a local
// committee or government and their offices, a commission, a ministry. Only names that end no
// common word (干部 ends in 部, so ministries are named whole).
constexpr std::string_view kIssuerEnds[] = {
    "中央", "国务院", "军委", "常委会", "政协", "省委", "市委", "县委", "区委", "州委", "盟委", "旗委", "党委",
    "党组", "人民政府", "政府", "办公厅", "办公室", "委员会", "纪委", "监委", "发展改革委", "国资委", "卫生健康委",
    "总局", "财政部", "教育部", "科技部", "工业和信息化部", "公安部", "民政部", "司法部", "自然资源部", "生态环境部",
    "住房城乡建设部", "交通运输部", "水利部", "农业农村部", "商务部", "文化和旅游部", "应急管理部",
    "人力资源社会保障部", "银保监会", "证监会", "人民银行"};

bool EndsWithIssuer(std::string_view s) {
  for (std::string_view end : kIssuerEnds)
    if (s.ends_with(end)) return true;
  return false;
}

// 中共中央 国务院关于…, 中共某省委 某省人民政府印发…: bodies that issue a document together are
// named with a space between them, in a title and where a sentence cites it. The space stays
// when the name before it ends in an issuing body and the hanzi after it name another within
// a few characters (the body's name, before 关于 or 印发 goes on).
bool BetweenIssuers(std::string_view text, size_t start, size_t end) {
  std::string_view before = text.substr(0, start);
  if (!EndsWithIssuer(before)) return false;
  constexpr size_t kLongestIssuer = 14 * 3;  // bytes: 中共中央办公厅, 某某自治区人民政府办公厅
  std::string_view after = text.substr(end, kLongestIssuer);
  for (size_t i = 0; i < after.size();) {
    size_t next;
    if (!IsHan(Utf8At(after, i, &next))) break;
    i = next;
    if (EndsWithIssuer(after.substr(0, i))) return true;
  }
  return false;
}

}  // namespace

void Spaces(std::string_view text, PassOutput& out) {
  constexpr const char* kRule = "whitespace";
  // What the spaces of the line holding the run at `pos` are, judged once per line. Runs come in
  // order, so the text is scanned for line starts once, and a line only up to a row's length.
  enum class Line { kProse, kTableCells, kWords };
  size_t scanned = 0, line_start = 0, judged_line = std::string_view::npos;
  Line kind = Line::kProse;
  bool sentence_line = false;  // the line holds a clause's mark (，。；): it is prose, not a label
  auto line_kind = [&](size_t pos) {
    size_t nl = text.substr(scanned, pos - scanned).rfind('\n');
    if (nl != std::string_view::npos) line_start = scanned + nl + 1;
    scanned = pos;
    if (line_start != judged_line) {
      judged_line = line_start;
      std::string_view rest = text.substr(line_start, 2 * (kLongestTableRow + 1));
      size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end), next;
      if (end != std::string_view::npos) next = rest.substr(end + 1), next = next.substr(0, next.find('\n'));
      sentence_line = ContainsAny(line, {"，", "。", "；", ",", ";"});
      kind = IsTableRow(line) || IsTableHeader(line, next) ? Line::kTableCells
             : SpacesSeparateWords(line)                   ? Line::kWords
                                                           : Line::kProse;
    }
    return kind;
  };
  // Whether the words either side of the run [start, end) are two characters or longer.
  auto between_words = [&](size_t start, size_t end) {
    size_t before = start, after = end;
    for (int k = 0; k < 2; ++k) {
      if (before == 0 || SpaceBefore(text, before) > 0 || text[before - 1] == '\n') return false;
      Utf8Before(text, before, &before);
      if (after >= text.size() || SpaceAt(text, after) > 0 || text[after] == '\n' || text[after] == '\r') return false;
      Utf8At(text, after, &after);
    }
    return true;
  };
  // Numerals either side make one number, not two words: 八千 三百 八十五万, 四点 五个百分点.
  auto numeral = [](UChar32 c) { return c == U'点' || ParseNumber(Utf8Of(c)).has_value(); };
  // 〔 〕, 【 】: a pair of brackets drawn empty (注：〔 〕内为五年累计数) keeps the space that
  // shows it. Not （ ）: a space there is as often what is left of a damaged (  ).
  auto empty_brackets = [](UChar32 open, UChar32 close) {
    return (open == U'〔' && close == U'〕') || (open == U'【' && close == U'】') || (open == U'［' && close == U'］');
  };
  // （记者 张三 李四）: inside brackets in a sentence, a short aside of words set apart by spaces
  // (a byline, a list of names) is judged as a line of its own.
  auto in_aside_of_words = [&](size_t start, size_t end) {
    constexpr size_t kLongestAside = 60;  // bytes each way
    size_t open = text.substr(start > kLongestAside ? start - kLongestAside : 0, std::min(start, kLongestAside)).rfind("（");
    if (open == std::string_view::npos) return false;
    open += start > kLongestAside ? start - kLongestAside : 0;
    size_t close = text.substr(end, kLongestAside).find("）");
    if (close == std::string_view::npos) return false;
    std::string_view aside = text.substr(open + 3, end + close - open - 3);
    if (aside.find("（") != std::string_view::npos || aside.find("）") != std::string_view::npos ||
        aside.find('\n') != std::string_view::npos)
      return false;
    return SpacesSeparateWords(aside);
  };
  // The space at `start` sets apart the number or the news dateline that opens its line
  // (第一条 为了…, 新华社北京3月5日电 国务院…).
  auto after_line_opening = [&](size_t start) { return OpensLineAsNumber(text, start) || OpensLineAsDateline(text, start); };
  auto separates = [&](size_t start, size_t end) {
    Line line = line_kind(start);
    if (line == Line::kTableCells) return true;
    if (line == Line::kProse && in_aside_of_words(start, end)) line = Line::kWords;
    UChar32 before = Utf8Before(text, start, nullptr), after = Utf8At(text, end, nullptr);
    if ((IsHan(after) || IsChinesePunct(after)) && after_line_opening(start)) return true;
    if (empty_brackets(before, after)) return true;
    if (IsHan(before) && IsHan(after) && BetweenIssuers(text, start, end)) return true;
    // No word starts with a particle that ties it to the word before (和新 的社会群体).
    bool particle = after == U'的' || after == U'之' || after == U'了' || after == U'地' || after == U'得';
    return line == Line::kWords && IsHan(before) && IsHan(after) && !(numeral(before) && numeral(after)) &&
           !particle && between_words(start, end);
  };
  // A run of spaces: ASCII ones, and U+3000 where the character map left it.
  // Found with two searches (memchr for ' ', then a check at each 0xE3 lead byte): the next of
  // each is looked for again only once the scan has passed it.
  size_t next_ascii = 0, next_ideographic = 0;
  auto next_run = [&](size_t from) {
    if (next_ascii != std::string_view::npos && next_ascii < from) next_ascii = text.find(' ', from);
    if (next_ideographic != std::string_view::npos && next_ideographic < from)
      next_ideographic = text.find("\xE3\x80\x80", from);
    return std::min(next_ascii, next_ideographic);
  };
  next_ascii = text.find(' ');
  next_ideographic = text.find("\xE3\x80\x80");
  for (size_t i = std::min(next_ascii, next_ideographic); i != std::string_view::npos; i = next_run(i)) {
    size_t start = i;
    bool ideographic = true;  // only U+3000
    for (size_t n; (n = SpaceAt(text, i)) > 0; i += n) ideographic &= n == 3;
    bool at_line_start = start == 0 || text[start - 1] == '\n';
    bool at_line_end = i == text.size() || text[i] == '\n' || text[i] == '\r';
    // What the character map leaves of U+3000 stays as written where it is typography: an
    // indent, one after the number or the news dateline that opens the line, two or more before
    // a line's next field (联系人：王某某　　电话：), the spaces of a letter-spaced heading
    // (第一章　总　　则). A lone one near a line's start that is none of these (市长　王某某), or
    // one that some other rule's edit moved elsewhere, is a space like any other.
    bool typography = ideographic && (at_line_start || (i - start == 3 && after_line_opening(start)) ||
                                      (i - start >= 6 && !at_line_end && FieldFollows(text, i)) ||
                                      InLetterSpacedHeading(text, start));
    if (at_line_end) {
      out.Delete(start, i, kRule);
    } else if (at_line_start) {
      // An indent, of U+3000 or of spaces: the document's typography, as written.
    } else if (typography) {
      // 第一章　总　　则: as written.
    } else if (SpaceGoesBetween(Utf8Before(text, start, nullptr), Utf8At(text, i, nullptr)) &&
               !separates(start, i)) {
      out.Delete(start, i, kRule);
    } else if (SpacedFigure(Utf8Before(text, start, nullptr), Utf8At(text, i, nullptr)) &&
               line_kind(start) == Line::kProse && sentence_line && !after_line_opening(start) &&
               !FieldFollows(text, i) && !IssueDateFollows(text, i)) {
      // 全年投资 100 亿元，增长 6.5%: a sentence sets no space around its figures (a PDF's or a
      // web page's spacing does); a table's cells, a label's number and a line's fields keep it.
      out.Delete(start, i, kRule);
    } else if (i - start > 1) {
      out.Replace(start, i, " ", kRule);
    }
  }
}

}  // namespace pledge::rules
