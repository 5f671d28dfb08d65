// redaction, unrepairable: spans that are logged but not changed.
// redaction: ** (or ＊＊, ××) standing for a masked name, so users can find redacted passages.
// unrepairable: 锟斤拷 (U+FFFD written as UTF-8 and read as GBK) and U+FFFD itself: the original
// bytes are gone; the text keeps the damage and the document is flagged.
// Plain substring scans: these markers are rare, and most texts have none at all.
#include "pipeline/rules/rule.h"

namespace pledge::rules {
namespace {

// Every maximal run of `unit` repeated at least `min_repeats` times.
void Runs(std::string_view text, std::string_view unit, size_t min_repeats, const char* rule, PassOutput& out) {
  for (size_t at = text.find(unit); at != std::string_view::npos;) {
    size_t end = at;
    while (text.substr(end, unit.size()) == unit) end += unit.size();
    if ((end - at) / unit.size() >= min_repeats)
      out.markers.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(end), rule});
    at = text.find(unit, end);
  }
}

}  // namespace

void Markers(std::string_view text, PassOutput& out) {
  Runs(text, "*", 2, "redaction", out);
  Runs(text, "＊", 2, "redaction", out);
  Runs(text, "×", 2, "redaction", out);
  Runs(text, "锟斤拷", 1, "unrepairable", out);
  Runs(text, "\xEF\xBF\xBD", 1, "unrepairable", out);
}

}  // namespace pledge::rules
