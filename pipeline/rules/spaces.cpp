// whitespace (the run part): spaces at a line end go; a run at a line start (an indent, which
// also marks a new article in scraped pages) becomes one space; spaces between two Chinese
// characters go (this also closes up letter-spaced titles, 政 府 工 作 报 告), and so do spaces
// before or after Chinese punctuation, which is never spaced (5%&nbsp;。, 。 GDP); any other run
// becomes one space. In a row or header of a plain-text table (table_rows.h) every run between
// cells becomes one space, even between hanzi: it separates cells (公路总里程 公里), not letters.
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

void Spaces(std::string_view text, PassOutput& out) {
  constexpr const char* kRule = "whitespace";
  // Whether the line holding the run at `pos` is a table row, judged once per line. Runs come in
  // order, so the text is scanned for line starts once, and a line only up to a row's length.
  size_t scanned = 0, line_start = 0, judged_line = std::string_view::npos;
  bool table_row = false;
  auto in_table_row = [&](size_t pos) {
    size_t nl = text.substr(scanned, pos - scanned).rfind('\n');
    if (nl != std::string_view::npos) line_start = scanned + nl + 1;
    scanned = pos;
    if (line_start != judged_line) {
      judged_line = line_start;
      std::string_view rest = text.substr(line_start, 2 * (kLongestTableRow + 1));
      size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      table_row = IsTableRow(line);
      if (!table_row && end != std::string_view::npos) {
        std::string_view next = rest.substr(end + 1);
        table_row = IsTableHeader(line, next.substr(0, next.find('\n')));
      }
    }
    return table_row;
  };
  for (size_t i = text.find(' '); i != std::string_view::npos; i = text.find(' ', i)) {
    size_t start = i;
    while (i < text.size() && text[i] == ' ') ++i;
    bool at_line_start = start == 0 || text[start - 1] == '\n';
    bool at_line_end = i == text.size() || text[i] == '\n' || text[i] == '\r';
    if (at_line_end) {
      out.Delete(start, i, kRule);
    } else if (at_line_start) {
      if (i - start > 1) out.Replace(start, i, " ", kRule);
    } else if (SpaceGoesBetween(Utf8Before(text, start, nullptr), Utf8At(text, i, nullptr)) &&
               !in_table_row(start)) {
      out.Delete(start, i, kRule);
    } else if (i - start > 1) {
      out.Replace(start, i, " ", kRule);
    }
  }
}

}  // namespace pledge::rules
