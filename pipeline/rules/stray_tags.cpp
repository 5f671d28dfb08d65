// html_tag: HTML tags left in plain text by a scraper that stripped a page only in part
// (关于…的通知<br/>各区县：</p>), or that were entity-encoded and decoded by the entities pass
// (&lt;br&gt;). Only the names of HTML elements count as tags: <同吃同住同劳动> is a title in
// angle brackets (the entities pass makes it 《…》), and x<y>z is not markup; nor is <<b>>, a
// title typed in doubled angle brackets that spells a tag's name. A tag that breaks a
// line in a browser (br, p, div, li, tr, h1…) becomes a line break unless one is already beside
// it; a table cell becomes a space; any other tag (span, font, strong, a, img) goes.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "pipeline/rules/rule.h"

namespace pledge::rules {
namespace {

enum class TagEffect { kNone, kLineBreak, kSpace, kDelete };

TagEffect EffectOf(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  static constexpr std::string_view kLineBreaking[] = {
      "br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "tbody",
      "thead", "tfoot", "section", "article", "blockquote", "pre", "hr", "center", "dd", "dt", "dl", "caption"};
  static constexpr std::string_view kInline[] = {
      "span", "font", "strong", "b", "i", "u", "em", "a", "img", "sup", "sub", "small", "big", "label", "strike",
      "s", "ins", "del", "abbr", "cite", "code", "mark", "q", "nobr", "wbr"};
  for (std::string_view tag : kLineBreaking)
    if (name == tag) return TagEffect::kLineBreak;
  if (name == "td" || name == "th") return TagEffect::kSpace;
  for (std::string_view tag : kInline)
    if (name == tag) return TagEffect::kDelete;
  return TagEffect::kNone;
}

}  // namespace

void StrayTags(std::string_view text, PassOutput& out) {
  constexpr const char* kRule = "html_tag";
  // <name>, </name>, <name attributes>, <name/>; attributes bounded and on one line.
  static const RE2 kTag(R"(<(/?)([A-Za-z][A-Za-z0-9]{0,9})(?:\s[^<>\n]{0,300})?\s*/?>)");
  re2::StringPiece input(text.data(), text.size()), match[3];
  for (size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    if (!kTag.Match(input, at, text.size(), RE2::ANCHOR_START, match, 3)) continue;
    size_t end = at + match[0].size();
    TagEffect effect = EffectOf(std::string(match[2].data(), match[2].size()));
    if (effect == TagEffect::kNone) continue;
    // <<b>>, <<I>>: a title typed in doubled angle brackets (《b》) that happens to spell a tag.
    if (at > 0 && text[at - 1] == '<' && end < text.size() && text[end] == '>') continue;
    bool line_break_beside = at == 0 || text[at - 1] == '\n' || end == text.size() || text[end] == '\n' ||
                             text[end] == '\r';
    if (effect == TagEffect::kLineBreak && !line_break_beside) out.Replace(at, end, "\n", kRule);
    else if (effect == TagEffect::kSpace && !line_break_beside) out.Replace(at, end, " ", kRule);
    else out.Delete(at, end, kRule);
    at = end - 1;
  }
}

}  // namespace pledge::rules
