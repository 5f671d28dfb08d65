// boilerplate: site banners, website furniture (breadcrumbs, menus, footers), page numbers and
// running heads left by PDF conversion, [bookmark: …] markers and metadata lines leave the body
// text; the metadata they carry fills DocumentMetadata. Whole-line patterns, with exceptions that
// cannot be words of a sentence: bookmarks, page numbers between two words (—1—, in a text
// numbered upwards), a forum's jammer text at a line's edge, and a content farm's note on its copy.
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <optional>

#include "pipeline/rules/entity_chain.h"
#include "pipeline/rules/headings.h"
#include "pipeline/rules/rule.h"
#include "pipeline/unicode_util.h"
#include "pipeline/word_set.h"

namespace pledge::rules {
namespace {

constexpr const char* kRule = "boilerplate";

// Field names as the regex alternation they are, each character allowed a run of spaces after
// it: disclosure pages set their keys in a fixed width (索 引 号：, 名    称：).
std::string SpacedFields(std::string_view fields) {
  std::string out;
  for (size_t i = 0; i < fields.size();) {
    size_t next;
    UChar32 c = Utf8At(fields, i, &next);
    out.append(fields.substr(i, next - i));
    if (c != '|' && next < fields.size() && fields[next] != '|') out += "[ 　]*";
    i = next;
  }
  return out;
}

struct Patterns {
  // "中词库 / www.zciku.com", "www.example.com.cn", "来自：某某网 http://…"
  // The site name may hold spaces (they are only removed by a later pass: matching with and
  // without them keeps normalization idempotent).
  RE2 banner{R"(^[\s　]*(?:[^/|｜\n]{1,40}[/|｜]\s*)?((?:https?://)?www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/?)\s*$)"};
  RE2 bookmark{R"((\[bookmark: [^\]\n]{0,200}\]))"};
  // The header of a government information-disclosure page (政府信息公开): 索引号, 发文机关,
  // 标题, 发文字号, 成文日期 … one or two fields a line. A line that starts with one is metadata.
  // The page's own fields (信息分类, 生成日期, 废止时间, 内容概述 …) vary by the site's software.
  static constexpr std::string_view kDisclosureFields =
      "索引号|主题分类|组配分类|信息分类|信息类别|体裁分类|公文目录|发文机关|发文单位|发布机构|公开方式|公开范围|公开时限|"
      "有效性|主题词|关键词|生成日期|生效时间|生效日期|废止时间|废止日期|信息来源|内容概述|文件编号|公开目录|公开责任部门|"
      "责任部门|公开形式|公开日期";
  // 名称 (the document's name) only counts beside other fields: alone it may open a body line.
  const std::string metadata_keys = R"((?:来源|作者|发布者|(?:更新|发布|发表|录入|成文)?(?:时间|日期)|浏览(?:次数)?|点击(?:数|量)?|字号|)" +
                                    SpacedFields(std::string(kDisclosureFields) + "|名称") + R"()\s*[：:])";
  RE2 metadata_key{metadata_keys};
  RE2 metadata_key_opens{R"(^[\s　]*)" + metadata_keys};
  // The page's table of fields, its cells set apart by a bar or spaces (索引号 | 2021-3740 |,
  // 索引号 2021-3740 公开目录：…), as a scraper or the HTML pass writes a row.
  RE2 disclosure_key{R"(^[\s　]*(?:)" + SpacedFields(std::string("成文日期|发布日期|发文字号|文号|标题|原标题|") +
                                                std::string(kDisclosureFields)) + R"()(?:\s*[：:|｜]|[ \t　]+\S))"};
  // A field with no value (政策解读： with its link gone) and a row of bars left of a table.
  RE2 empty_field{R"(\s*(?:政策解读|相关解读|解读)\s*[：:]?\s*[|｜]?\s*|\s*[|｜][\s|｜]*)"};
  RE2 disclosed_title{R"(^[\s　]*标题\s*[：:]\s*(.+?)\s*$)"};
  RE2 source{R"((?:来源|出处)\s*[：:]\s*([^\s　]+))"};
  RE2 author{R"((?:作者|发布者|发文机关|发布机构)\s*[：:]\s*([^\s　]+))"};
  // A date, year, month and day captured: 2024-03-08, 2024/3/8, 2024年03月08.
  static constexpr const char* kDate = R"((\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2}))";
  RE2 date{std::string(R"((?:更新|发布|发表|录入|成文)?(?:时间|日期)\s*[：:|｜]\s*(?:[|｜]\s*)?)") + kDate};
  // A news page's dateline: the date (and time) opening the line, before a field (2024年03月08日
  // 10:23 来源：中国政府网).
  RE2 leading_date{std::string(R"(^[\s　]*)") + kDate + R"(日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s)"};
  // Page furniture that is never body text: print and close buttons, the editor's line, share
  // and font-size widgets, pagination (上一页 1 2 3 下一页), the heading of a related-links list,
  // the links to the articles before and after (上一篇：关于…的通知).
  RE2 furniture{R"(^[\s　]*[【\[［]?(?:上一篇|下一篇|上一条|下一条|上篇|下篇)[】\]］]?\s*[：:].{0,100}$|^[\s　]*(?:【?(?:打印|关闭|收藏|返回顶部|打印本页|关闭窗口|我要纠错|纠错)】?\s*)+$|^[\s　]*(?:[\[［【]?(?:首页|\d{1,3})[\]］】]?\s*)*(?:上一页|下一页|尾页|末页)(?:\s*[\[［【]?(?:上一页|下一页|尾页|末页|\d{1,3})[\]］】]?)*\s*$|^[\s　]*相关(?:链接|文章|新闻|阅读|文件)\s*[：:]?\s*$|^[\s　]*(?:责任编辑|编辑|校对|审核)\s*[：:]\s*\S{1,12}\s*$|^[\s　]*(?:本文|文章|此文)(?:转自|转载自|来源于)[^。\n]*(?:[。，,][^\n]*)?$|版权归原作者所有|转载请注明出处|^[\s　]*分享到\s*[：:]?.{0,30}$|^[\s　]*字号\s*[：:]\s*.{0,12}$|^[\s　]*(?:手机|微信)?(?:扫一扫|用手机扫描二维码)[^。，；！？]{0,16}$)"};
  // A website's own lines: the breadcrumb (当前位置：…, 人民网 >> 时政 >> 正文), a menu that starts
  // at the home page, the footer (copyright, ICP licence, site code, who runs the site:
  // 主办单位：… 承办：…) and the font-size switch. A © after another Latin-1 character is
  // no copyright: GBK text read as Latin-1 writes ） as £© (（万吨） 1250 is £¨Íò¶Ö£© 1250).
  RE2 site{R"(^[\s　]*(?:当前位置|您的位置|您现在的位置|当前的位置)\s*[：:]|^[\s　]*(?:网站)?首页\s*[|｜>＞»/]|ICP备|ICP证|网站标识码|公网安备|版权所有\s*[©(（:：]|^[\s　]*版权所有\s*$|Copyright\s*(?:©|\([cC]\)|\d{4})|(?:^|[^\x{A1}-\x{FE}])©\s*\d{4}|^[\s　]*【?字体\s*[：:]\s*[大中小\s]+】?|^[\s　]*主办(?:单位)?\s*[：:].{0,60}(?:承办|技术支持|网站维护|联系电话)|^[\s　]*(?:(?:网站地图|站点地图|联系我们|使用帮助|网站帮助|隐私声明|隐私政策|免责声明|网站声明|关于我们|无障碍(?:浏览)?|长者模式)\s*[|｜/·]?\s*){2,}$|^[\s　]*[^\s>»＞。，；：:]+(?:\s*(?:>>|＞＞|\s»\s|\s>\s|\s＞\s)\s*[^\s>»＞。，；：:]+){2,}\s*$)"};
  // A page number left by PDF conversion, often in the middle of a sentence that goes on after
  // it: — 3 — (GB/T 9704), - 3 -, 第3页 共10页.
  RE2 page_number{R"(\s*(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?)\s*)"};
  // A document-sharing site's page chunks: the title and the page (…的决定_第1页), then a line
  // that counts the pages (1/9).
  RE2 shared_page{R"(\s*\S.{0,120}_第\s*\d{1,4}\s*页\s*)"};
  RE2 page_counter{R"(\s*(\d{1,4})\s*/\s*(\d{1,4})\s*)"};
  // The random text Discuz! forums hide among a post's lines to spoil copying, left in by a
  // scraper that ignored the page's CSS: 5 to 15 times a character of ASCII 32–59, a space and a
  // character of 63–126 (its jammer(): "2 t0 d2 Y7 n8 G8 R& p5 b"), at the start or the end of a
  // line (it comes with a line break), several in a row. No text of words has this shape: a
  // letter never follows a letter, and a space falls on every third character.
  static constexpr const char* kJammer = R"((?:[ \t]?[\x20-\x3B] [\x3F-\x7E]){5,})";
  RE2 jammer_line{std::string(kJammer) + R"([ \t\r]*)"};
  RE2 jammer_lead{std::string("^") + kJammer};
  RE2 jammer_trail{std::string("(") + kJammer + R"()[ \t\r]*$)"};
  // A document-sharing site's notices around the document (wenku-style: 已阅读5页，还剩14页未读,
  // 下载本文档, the disclaimer list and its items). No document of its own says these.
  RE2 sharing_notice{R"(下载文档前请自行甄别|仅部分预览|如文档侵犯您的权益|本文档由用户提供并上传|继续免费阅读|^[\s　]*下载本文档\s*$|还剩\s*\d+\s*页未读|^[\s　]*文档简介\s*$)"};
  // The mark a sharing site puts after a document's title (…统计公报VIP免费).
  RE2 sharing_title_mark{R"(\s*VIP(?:免费|专享)\s*$)"};
  // A content farm's line about its own copy, often glued into the text it precedes or follows:
  // 下面是小编为大家整理的…，供大家参考。
  RE2 farm_note{R"(下面是小编(?:为大家|给大家)?(?:整理|收集|精心整理|搜集)的[^。\n]{0,120}?[，,]\s*(?:供大家参考|希望对大家有所帮助|欢迎阅读|欢迎大家阅读|仅供参考)[。.！!]?)"};
  RE2 title_like{R"(^[^。！？；，,.!?;]{2,60}$)"};
  // A document number (杭政办发〔2023〕12号) heads an official document above its title.
  RE2 document_number{R"(.{0,30}[〔\[［(（]\d{4}[〕\]］)）]\s*第?\d{1,5}\s*号)"};
};

const Patterns& P() {
  static const Patterns patterns;
  return patterns;
}

// A metadata field's value ends at a space this pass runs too early to see as one (NBSP, or an
// entity the entities pass will decode to a space: 来源：某局&nbsp;&nbsp;浏览次数：1234), at a
// bar, or at the next field's key.
std::string FieldValue(std::string_view value) {
  auto is_space = [](std::string_view s) {
    for (size_t i = 0; i < s.size();)
      if (!u_isUWhiteSpace(Utf8At(s, i, &i))) return false;
    return !s.empty();
  };
  size_t end = value.size();
  for (size_t i = 0; i < value.size();) {
    size_t next;
    UChar32 c = Utf8At(value, i, &next);
    std::optional<Decoded> decoded;
    if (c == '&' || c == '%') decoded = DecodeChainAt(value, i);
    if (u_isUWhiteSpace(c) || c == '|' || c == U'｜' || (decoded && is_space(decoded->text))) {
      end = i;
      break;
    }
    i = next;
  }
  re2::StringPiece rest(value.data(), end), key;
  if (P().metadata_key.Match(rest, 0, rest.size(), RE2::UNANCHORED, &key, 1)) end = key.data() - value.data();
  return std::string(value.substr(0, end));
}

std::string Trim(std::string_view s) { return std::string(TrimBlank(s)); }

// A head, or a title's line, holds none of these.
bool HoldsSentencePunct(std::string_view line) {
  static const WordSet marks{"。", "，", "；", "！", "？", "："};
  return marks.FoundIn(line);
}
// Every furniture and site line holds one of these words: most lines are ruled out without a regex.
bool MayBeFurniture(std::string_view line) {
  static const WordSet words{"打印", "关闭", "收藏", "返回", "编辑", "校对", "审核", "分享", "字号", "扫", "转自", "转载",
                             "来源于", "原作者", "纠错", "一页", "尾页", "末页", "相关", "篇", "一条"};
  return words.FoundIn(line);
}
// Every sharing_notice alternative holds one of these words.
bool MayBeSharingNotice(std::string_view line) {
  static const WordSet words{"文档", "阅读", "页未读", "预览"};
  return words.FoundIn(line);
}
bool MayBeSiteLine(std::string_view line) {
  static const WordSet words{"位置", "首页", "ICP", "网站标识码", "公网安备", "版权所有", "Copyright", "©", "字体", "主办", ">", "»", "＞",
                             "地图", "联系我们", "帮助", "声明", "隐私", "关于我们", "无障碍", "长者"};
  return words.FoundIn(line);
}

// Where a page title's channel-and-site suffix starts (关于…的通知_通知公告_某县人民政府网: at the
// first _), or npos: the parts are set apart by _ or a bar, and the last names a site.
size_t SiteSuffixAt(std::string_view line) {
  size_t first = std::string_view::npos, last_end = 0;
  for (std::string_view separator : {"_", "|", "｜"}) {
    size_t at = line.find(separator);
    if (at != std::string_view::npos && (first == std::string_view::npos || at < first)) first = at;
    size_t last = line.rfind(separator);
    if (last != std::string_view::npos) last_end = std::max(last_end, last + separator.size());
  }
  if (first == std::string_view::npos || first == 0) return std::string_view::npos;
  std::string_view site = line.substr(last_end);
  while (!site.empty() && (site.back() == ' ' || site.back() == '\r' || site.back() == '\t')) site.remove_suffix(1);
  for (std::string_view word : {"网", "网站", "政府", "门户", "平台", "官网", "网页"})
    if (site.ends_with(word) && site.size() <= 60) return first;
  return std::string_view::npos;
}

// Whether the 15 bytes a jammer needs at least (5 triples) may be one: printable ASCII with a
// space every third byte or so. Most lines fail at the first byte, so the regex rarely runs.
bool MayBeJammer(std::string_view part) {
  if (part.size() < 15) return false;
  int spaces = 0;
  for (char c : part) {
    if (c < 0x20 || c > 0x7E) return false;
    spaces += c == ' ';
  }
  return spaces >= 4;
}
std::string_view TrimmedEnd(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

// Whether `c` may stand beside an inline page number: text, or a mark that is no dash or digit.
bool PageNumberNeighbour(UChar32 c) {
  if (c == U'—' || c == U'－' || c == U'–' || c == '-') return false;
  return IsHan(c) || IsChinesePunct(c) || c == '(' || c == ')' || c == '\n' || c < 0;
}

// The length of the dash (— or －) at `at`, or 0.
size_t DashAt(std::string_view text, size_t at) {
  return text.substr(at, 3) == "—" || text.substr(at, 3) == "－" ? 3 : 0;
}

// Running heads: a PDF prints the document's name (or its issuer's) at the top of each page, and
// a text copied out of it holds that line wherever a page broke, often inside a sentence
// (…评价结果纳入 / 某市优化营商环境三年行动计划 / 年度综合考核。). A short line without
// sentence punctuation that stands whole two or more times (the title the heads repeat may be
// one, or the title wrapped at the top) is such a head where it stands between the two halves of
// a cut sentence. Returned as the
// byte offsets of the lines' starts. Headings are no heads.
std::vector<size_t> RunningHeads(std::string_view text) {
  // Candidates first, in one scan: most lines are longer, or hold sentence punctuation.
  struct Copy { std::string_view body; size_t start; };
  std::vector<Copy> candidates;
  for (size_t start = 0; start < text.size();) {
    size_t newline = text.find('\n', start);
    size_t end = newline == std::string_view::npos ? text.size() : newline;
    if (end - start >= 15 && end - start <= 200) {
      std::string_view body = TrimSpaces(text.substr(start, end - start));
      if (body.size() >= 15 && body.size() <= 120 && !HoldsSentencePunct(body))  // 5 to 40 hanzi
        candidates.push_back({body, start});
    }
    start = end + 1;
  }
  if (candidates.empty()) return {};
  // The title may be set on two or three lines at the top (a PDF's title, set large), so that no
  // line holds it whole: a head that repeats it stands twice all the same. The top's lines,
  // joined two or three at a time (a document number may stand above the title).
  std::vector<std::string> title_joins;
  {
    std::vector<std::string_view> top;
    for (size_t start = 0; start < text.size() && top.size() < 4;) {
      size_t newline = text.find('\n', start);
      size_t end = newline == std::string_view::npos ? text.size() : newline;
      std::string_view line = TrimSpaces(text.substr(start, end - start));
      start = end + 1;
      if (line.empty() && top.empty()) continue;
      if (line.empty() || line.size() > 120 || HoldsSentencePunct(line)) break;
      top.push_back(line);
    }
    for (size_t a = 0; a < top.size(); ++a) {
      std::string joined(top[a]);
      for (size_t b = a + 1; b < top.size() && b < a + 3; ++b) {
        joined += top[b];
        if (joined.size() <= 120) title_joins.push_back(joined);
      }
    }
  }
  if (candidates.size() < 2 && title_joins.empty()) return {};
  std::stable_sort(candidates.begin(), candidates.end(), [](const Copy& x, const Copy& y) { return x.body < y.body; });
  // The trimmed lines either side of the line that starts at `start` (empty at the text's edges).
  auto line_before = [&](size_t start) -> std::string_view {
    if (start == 0) return {};
    size_t end = start - 1;  // the line's newline
    size_t newline = end == 0 ? std::string_view::npos : text.rfind('\n', end - 1);
    size_t from = newline == std::string_view::npos ? 0 : newline + 1;
    return TrimSpaces(text.substr(from, end - from));
  };
  auto line_after = [&](size_t start) -> std::string_view {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) return {};
    size_t next_end = text.find('\n', end + 1);
    return TrimSpaces(text.substr(end + 1, (next_end == std::string_view::npos ? text.size() : next_end) - end - 1));
  };
  // The page's number may stand between the sentence's first half and the head (— 3 —).
  auto page_number = [](std::string_view body) {
    return !body.empty() && body.size() < 40 && RE2::FullMatch(body, P().page_number);
  };
  // A sentence's first half: a line of text of 10 characters or more that ends in a character or
  // a comma. A document number above a title (杭政办发〔2023〕12号) is none.
  auto cuts_sentence = [&](size_t start) {
    if (start == 0 || text.find('\n', start) == std::string_view::npos) return false;
    std::string_view before = line_before(start), after = line_after(start);
    // A page number above the line shows the page broke there, which a short line or a table's
    // cells cannot explain away: the checks that tell prose from those are then not needed.
    const bool page_broke = page_number(before);
    if (page_broke) {
      size_t above = static_cast<size_t>(before.data() - text.data());
      while (above > 0 && text[above - 1] != '\n') --above;
      if (above == 0) return false;
      before = line_before(above);
    }
    if (before.empty() || after.empty() || RE2::FullMatch(before, P().document_number)) return false;
    UChar32 last = Utf8Before(before, before.size(), nullptr), first = Utf8At(after, 0, nullptr);
    if (!page_broke) {
      size_t characters = 0;
      for (size_t k = 0; k < before.size() && characters < 10; ++characters) Utf8At(before, k, &k);
      if (characters < 10) return false;
      // Prose has clauses on one side or the other; a table set one cell to a line has none
      // (项目名称 / 建设单位 / 新建 …, where a unit's name may well repeat).
      auto clauses = [](std::string_view line) { return ContainsAny(line, {"，", "。", "；", "、", ",", ".", ";"}); };
      if (!clauses(before) && !clauses(after)) return false;
    }
    return (IsHan(last) || last == U'，' || last == U'、' || last == ',') &&
           (IsHan(first) || IsAsciiDigit(first)) && HeadingAt(after).level < 0;
  };
  // Only the copies inside a sentence go: one between paragraphs may be the text's own line (the
  // issuer's name above the date that signs the text).
  std::vector<size_t> heads;
  for (size_t i = 0; i < candidates.size();) {
    size_t j = i + 1;
    while (j < candidates.size() && candidates[j].body == candidates[i].body) ++j;
    std::string_view body = candidates[i].body;
    bool repeats_title = std::find(title_joins.begin(), title_joins.end(), body) != title_joins.end();
    if ((j - i >= 2 || repeats_title) && HeadingAt(body).level < 0 && LawUnitAt(body).empty())
      for (size_t k = i; k < j; ++k)
        if (cuts_sentence(candidates[k].start)) heads.push_back(candidates[k].start);
    i = j;
  }
  std::sort(heads.begin(), heads.end());
  return heads;
}

// Page numbers left inside the text (—1—, —2— …, the lines around them joined by a converter),
// as (start, end) byte ranges. Only a document that shows two or more, numbered upwards in text
// order, has them: a lone —3— may be the text's own.
std::vector<std::pair<size_t, size_t>> InlinePageNumbers(std::string_view text) {
  // Candidates where a dash is followed by a figure and another dash (—1—, — 12 —), found from
  // each dash: a regex would walk every byte of every text, and few texts have any.
  struct Candidate {
    size_t start, end;
    int page;
  };
  std::vector<Candidate> candidates;
  for (std::string_view dash : {std::string_view("—"), std::string_view("－")}) {
    for (size_t at = text.find(dash); at != std::string_view::npos; at = text.find(dash, at + dash.size())) {
      size_t i = at + dash.size();
      if (i < text.size() && text[i] == ' ') ++i;
      size_t digits = i;
      while (i < text.size() && i - digits < 4 && IsAsciiDigit(static_cast<unsigned char>(text[i]))) ++i;
      if (i == digits || i - digits > 3) continue;
      int page = std::stoi(std::string(text.substr(digits, i - digits)));
      if (i < text.size() && text[i] == ' ') ++i;
      if (size_t close = DashAt(text, i)) candidates.push_back({at, i + close, page});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.start < b.start; });
  std::vector<std::pair<size_t, size_t>> found;
  int last_number = 0;
  size_t last_end = 0;
  for (const Candidate& c : candidates) {
    if (c.start < last_end) continue;  // —1—2— : the second shares the first's dash
    UChar32 before = c.start > 0 ? Utf8Before(text, c.start, nullptr) : -1;
    UChar32 after = c.end < text.size() ? Utf8At(text, c.end, nullptr) : -1;
    // One side may be a line's edge, not both: a page number on a line of its own is a whole line.
    bool edge_before = before < 0 || before == '\n', edge_after = after < 0 || after == '\n';
    if (!PageNumberNeighbour(before) || !PageNumberNeighbour(after) || (edge_before && edge_after)) continue;
    if (c.page <= last_number) return {};  // not numbered upwards: not page numbers
    last_number = c.page;
    last_end = c.end;
    found.emplace_back(c.start, c.end);
  }
  if (found.size() < 2) found.clear();
  return found;
}

// The denominators of page counters (1/9, 2/9) the text holds on lines of their own, with how
// many lines show each: a counter is one only among others of the same count of pages.
std::vector<std::pair<int, int>> PageCounterTotals(std::string_view text) {
  std::vector<std::pair<int, int>> totals;
  if (text.find('/') == std::string_view::npos) return totals;
  for (size_t start = 0; start < text.size();) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    int page = 0, pages = 0;
    if (line.size() > 16 || line.find('/') == std::string_view::npos || !RE2::FullMatch(line, P().page_counter, &page, &pages) ||
        page < 1 || page > pages)
      continue;
    auto it = std::find_if(totals.begin(), totals.end(), [&](const auto& t) { return t.first == pages; });
    if (it == totals.end()) totals.emplace_back(pages, 1);
    else ++it->second;
  }
  return totals;
}

}  // namespace

bool TitleLike(std::string_view line) { return RE2::FullMatch(line, P().title_like); }

void Boilerplate(std::string_view text, PassOutput& out, DocumentMetadata& metadata) {
  const auto& p = P();
  // Header metadata sits in the first lines; furniture may sit anywhere. Lines this pass
  // removes do not count: the header is the first lines of what is left, as the next run sees it.
  constexpr int kHeaderLines = 12;
  int kept_lines = 0;
  bool after_fields = false;  // the line before was a metadata line: fields come in blocks
  bool nothing_kept = true;   // every line so far is deleted
  bool title_open = true;
  bool title_from_page = false;  // the title came from the first line and may carry the site's name
  size_t title_start = 0, title_next = 0;  // that line, with its line break
  size_t line_start = 0;
  const auto inline_pages = InlinePageNumbers(text);
  auto next_inline_page = inline_pages.begin();
  const auto page_counters = PageCounterTotals(text);
  const auto running_heads = RunningHeads(text);
  auto next_running_head = running_heads.begin();
  bool after_shared_page = false;  // the line before was a shared document's page title (…_第1页)
  while (line_start < text.size()) {
    size_t newline = text.find('\n', line_start);
    size_t line_end = newline == std::string_view::npos ? text.size() : newline;
    size_t next = newline == std::string_view::npos ? text.size() : newline + 1;
    std::string_view line = text.substr(line_start, line_end - line_start);
    bool header = kept_lines < kHeaderLines;

    std::string site;
    bool whole_line = false, shared_page_line = false;
    const bool jammer_lead = MayBeJammer(line.substr(0, 15));  // see Patterns::jammer_line
    while (next_running_head != running_heads.end() && *next_running_head < line_start) ++next_running_head;
    if (next_running_head != running_heads.end() && *next_running_head == line_start) {
      whole_line = true;
    } else if (header && RE2::FullMatch(line, p.banner, &site)) {
      if (metadata.source_site.empty()) metadata.source_site = site;
      whole_line = true;
    } else if (line.size() < 40 && ContainsAny(line, {"-", "－", "—", "–", "页"}) && RE2::FullMatch(line, p.page_number)) {
      whole_line = true;
    } else if (jammer_lead && RE2::FullMatch(line, p.jammer_line)) {
      whole_line = true;
    } else if (line.size() < 400 && line.find("_第") != std::string_view::npos && RE2::FullMatch(line, p.shared_page)) {
      whole_line = shared_page_line = true;
    } else if (int page = 0, pages = 0; line.size() <= 16 && !page_counters.empty() && RE2::FullMatch(line, p.page_counter, &page, &pages) &&
                                        page >= 1 && page <= pages &&
                                        (after_shared_page || std::any_of(page_counters.begin(), page_counters.end(), [&](const auto& t) {
                                           return t.first == pages && t.second >= 2;
                                         }))) {
      whole_line = true;
    } else if (line.size() < 400 && MayBeSharingNotice(line) && RE2::PartialMatch(line, p.sharing_notice)) {
      whole_line = true;
    } else if (line.size() < 90 && MayBeFurniture(line) && RE2::PartialMatch(line, p.furniture)) {  // furniture is short
      whole_line = true;
    } else if (line.size() < 400 && MayBeSiteLine(line) && RE2::PartialMatch(line, p.site)) {
      whole_line = true;
    } else if (header && line.size() < 300) {
      // A metadata line: at least two "key：" fields, or one recognised field and nothing else.
      int keys = 0;
      re2::StringPiece scan(line.data(), line.size());
      while (RE2::FindAndConsume(&scan, p.metadata_key)) ++keys;
      std::string value, y, m, d;
      bool has_date = RE2::PartialMatch(line, p.date, &y, &m, &d) || (keys >= 1 && RE2::PartialMatch(line, p.leading_date, &y, &m, &d));
      bool disclosure = RE2::PartialMatch(line, p.disclosure_key);
      bool in_block = keys >= 1 && after_fields && RE2::PartialMatch(line, p.metadata_key_opens);
      bool empty_field = after_fields && RE2::FullMatch(line, p.empty_field);
      if (keys >= 2 || (keys == 1 && has_date && line.size() < 60) || disclosure || in_block || empty_field) {
        after_fields = true;
        if (RE2::PartialMatch(line, p.disclosed_title, &value)) metadata.title = value;
        if (RE2::PartialMatch(line, p.source, &value) && metadata.source_site.empty()) metadata.source_site = FieldValue(value);
        if (RE2::PartialMatch(line, p.author, &value)) metadata.author = FieldValue(value);
        if (has_date) {
          char iso[16];
          std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", std::stoi(y), std::stoi(m), std::stoi(d));
          metadata.published_at = iso;
        }
        whole_line = true;
      }
    }
    after_shared_page = shared_page_line;
    // The parts of a kept line deleted so far: the patterns inside a line may meet (a bookmark or
    // a farm's note around a page number), and edits must not overlap.
    std::vector<std::pair<size_t, size_t>> deleted_in_line;
    auto delete_part = [&](size_t start, size_t end) {
      for (const auto& [b, e] : deleted_in_line)
        if (start < e && b < end) return;
      deleted_in_line.emplace_back(start, end);
      out.Delete(start, end, kRule);
    };
    // Inline page numbers in a line deleted whole go with it.
    while (next_inline_page != inline_pages.end() && next_inline_page->first < next) {
      if (!whole_line) delete_part(next_inline_page->first, next_inline_page->second);
      ++next_inline_page;
    }
    if (whole_line) {
      // A line alone between blank lines (a web page's block) takes the one before it along,
      // or the blank lines around it would add up; so does the text's last line, or the text
      // would end in a blank line. The first line of a text (every line above it deleted too)
      // takes the blank line after it.
      bool blank_before = line_start >= 2 && text[line_start - 2] == '\n';
      bool blank_after = next < text.size() && text[next] == '\n';
      if (blank_before && (blank_after || next >= text.size())) {
        out.Delete(line_start - 1, next, kRule);
      } else if (nothing_kept && blank_after) {
        out.Delete(line_start, next + 1, kRule);
        ++next;
      } else {
        out.Delete(line_start, next, kRule);
      }
    } else {
      nothing_kept = false;
      // Blank lines are no header lines: deleting them shifts nothing.
      if (line.find_first_not_of(" \t\r") != std::string_view::npos) ++kept_lines, after_fields = false;
      // A forum's jammer text at the line's start or end (see Patterns::jammer_line).
      std::string_view trimmed = TrimmedEnd(line);
      bool trail = trimmed.size() >= 15 && MayBeJammer(trimmed.substr(trimmed.size() - 15));
      if (jammer_lead || trail) {
        re2::StringPiece whole(line.data(), line.size()), found[1];
        if (jammer_lead && p.jammer_lead.Match(whole, 0, whole.size(), RE2::ANCHOR_START, found, 1)) {
          size_t at = found[0].data() - text.data();
          delete_part(at, at + found[0].size());
          whole.remove_prefix(found[0].size());
        }
        re2::StringPiece tail[2];
        // Only the line's end can hold it: the search starts where a run of a few jammers would.
        size_t from = whole.size() > 400 ? whole.size() - 400 : 0;
        if (trail && p.jammer_trail.Match(whole, from, whole.size(), RE2::UNANCHORED, tail, 2)) {
          size_t at = tail[1].data() - text.data();
          delete_part(at, at + tail[1].size());
        }
      }
      if (header && line.find("VIP") != std::string_view::npos) {
        re2::StringPiece input(line.data(), line.size()), mark[1];
        if (p.sharing_title_mark.Match(input, 0, line.size(), RE2::UNANCHORED, mark, 1) && mark[0].data() != line.data()) {
          size_t at = mark[0].data() - text.data();
          delete_part(at, at + mark[0].size());
        }
      }
      // A content farm's note about its copy, wherever it was glued (see Patterns::farm_note).
      if (line.find("小编") != std::string_view::npos) {
        re2::StringPiece input(line.data(), line.size()), match[1];
        for (size_t pos = 0; pos < line.size() && p.farm_note.Match(input, pos, line.size(), RE2::UNANCHORED, match, 1);) {
          size_t at = match[0].data() - text.data();
          delete_part(at, at + match[0].size());
          pos = match[0].data() - line.data() + match[0].size();
        }
      }
      // [bookmark: _Toc1] markers left by Word-to-text conversion, anywhere in a line.
      if (line.find("[bookmark:") != std::string_view::npos) {
        re2::StringPiece scan(line.data(), line.size());
        re2::StringPiece found;
        while (RE2::FindAndConsume(&scan, p.bookmark, &found)) {
          size_t at = found.data() - text.data();
          delete_part(at, at + found.size());
        }
      }
      // The line as a title candidate: trimmed, without its bookmark text.
      std::string body = header ? Trim(line) : std::string();
      if (body.find("[bookmark:") != std::string::npos) {
        RE2::GlobalReplace(&body, p.bookmark, "");
        body = Trim(body);
      }
      // A web page's <title> line is often "title_channel_site" and its heading the title alone:
      // the next line, when it is the start of the title up to a separator, is the title. The
      // page's title line then only repeats the heading (with the site's name): it goes, with
      // the blank line after it. So does a title line the heading repeats exactly, and each
      // line of a run of repeats but the last.
      if (title_from_page && header && !body.empty()) {
        std::string_view rest = std::string_view(metadata.title).substr(std::min(body.size(), metadata.title.size()));
        bool separated = false;
        for (std::string_view separator : {"_", "|", "-", " ", "－", "—", "｜"}) separated |= rest.starts_with(separator);
        bool repeated = metadata.title.starts_with(body) && (rest.empty() || separated);
        title_from_page = false;
        if (repeated) {
          metadata.title = body;
          bool blank_after = title_next < text.size() && text[title_next] == '\n';
          out.Delete(title_start, title_next + (blank_after ? 1 : 0), kRule);
          --kept_lines;  // the line deleted was counted as kept: a run of repeats is one header line
          title_start = line_start;
          title_next = next;
          title_from_page = true;  // the heading is now the title line a repeat may follow
          line_start = next;
          continue;
        }
      }
      if (!title_open) body.clear();
      if (!body.empty() && RE2::FullMatch(body, p.document_number)) {
        // Not the title: the line after it is.
      } else if (!body.empty()) {
        // The first line is the title if it reads as one once repaired (normalize.cpp repairs
        // it and asks TitleLike): as written it may still hold entities (%26lt;) or tags.
        if (metadata.title.empty() && body.size() <= 400) {
          metadata.title = body;
          title_from_page = RE2::FullMatch(body, p.title_like);
          title_start = line_start;
          title_next = next;
          // A page's <title> names the channel and the site after the document's title
          // (…的通知_通知公告_某县人民政府网): with no heading to repeat it, the line stays and
          // the site's part goes.
          if (size_t cut = SiteSuffixAt(line); title_from_page && cut != std::string_view::npos) {
            size_t end = line.find_last_not_of(" \t\r") + 1;
            out.Delete(line_start + cut, line_start + end, kRule);
            metadata.title = Trim(line.substr(0, cut));
          }
        }
        title_open = false;  // only the first body line can be the title
      }
    }
    line_start = next;
  }
}

}  // namespace pledge::rules
