// whitespace (the run part): spaces at a line end go; a run at a line start (an indent, which
// also marks a new article in scraped pages) becomes one space; spaces between two Chinese
// characters go (this also closes up letter-spaced titles, 政 府 工 作 报 告), and so do spaces
// before or after Chinese punctuation, which is never spaced (5%&nbsp;。, 。 GDP); any other run
// becomes one space.
#include "pipeline/rules/rule.h"
#include "pipeline/unicode_util.h"

namespace pledge::rules {

bool SpaceGoesBetween(UChar32 before, UChar32 after) {
  if (IsChineseContext(before) && IsChineseContext(after)) return true;
  // Beside Chinese punctuation, unless the other side is an ASCII quote the quotes pass left
  // (English, or not next to Chinese): whether it counts as next to Chinese must not change.
  return (IsChinesePunct(before) || IsChinesePunct(after)) && before != '"' && after != '"';
}

void Spaces(std::string_view text, PassOutput& out) {
  constexpr const char* kRule = "whitespace";
  for (size_t i = text.find(' '); i != std::string_view::npos; i = text.find(' ', i)) {
    size_t start = i;
    while (i < text.size() && text[i] == ' ') ++i;
    bool at_line_start = start == 0 || text[start - 1] == '\n';
    bool at_line_end = i == text.size() || text[i] == '\n' || text[i] == '\r';
    if (at_line_end) {
      out.Delete(start, i, kRule);
    } else if (at_line_start) {
      if (i - start > 1) out.Replace(start, i, " ", kRule);
    } else if (SpaceGoesBetween(Utf8Before(text, start, nullptr), Utf8At(text, i, nullptr))) {
      out.Delete(start, i, kRule);
    } else if (i - start > 1) {
      out.Replace(start, i, " ", kRule);
    }
  }
}

}  // namespace pledge::rules
