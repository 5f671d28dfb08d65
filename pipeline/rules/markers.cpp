// redaction, unrepairable: spans that are logged but not changed.
// redaction: ** (or ＊＊, ××) standing for a masked name, so users can find redacted passages.
// unrepairable: 锟斤拷 (U+FFFD written as UTF-8 and read as GBK) and U+FFFD itself: the original
// bytes are gone; the text keeps the damage and the document is flagged.
#include <re2/re2.h>

#include "pipeline/rules/rule.h"

namespace pledge::rules {

void Markers(std::string_view text, PassOutput& out) {
  static const RE2 redaction(R"((\*{2,}|＊{2,}|×{2,}))");
  static const RE2 unrepairable(R"(((?:锟斤拷)+锟?|\x{FFFD}+))");
  struct Rule { const RE2* pattern; const char* name; };
  for (auto [pattern, name] : {Rule{&redaction, "redaction"}, Rule{&unrepairable, "unrepairable"}}) {
    re2::StringPiece scan(text.data(), text.size()), match;
    while (RE2::FindAndConsume(&scan, *pattern, &match)) {
      size_t at = match.data() - text.data();
      out.markers.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + match.size()), name});
    }
  }
}

}  // namespace pledge::rules
