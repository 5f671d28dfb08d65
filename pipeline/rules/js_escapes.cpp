// js_escape: text a scraper took from a JSON or JavaScript source without decoding it, where each
// character stands as \uXXXX (\u5404\u7ea7 → 各级), or as JavaScript's escape() wrote it, %uXXXX
// (%u5404%u7EA7). A run of such escapes is decoded as one fix when every escape in it is a
// character text may hold (a surrogate pair counts as one) and at least one is not ASCII: an
// escape that only spells ASCII (\u0041, a program's source quoted) stays. A URL has no such
// escapes of its own (its percent-encoding is %HH), so one that runs into them is decoded too.
#include <unicode/utf16.h>

#include <charconv>
#include <optional>

#include "pipeline/rules/rule.h"
#include "pipeline/unicode_util.h"

namespace pledge::rules {
namespace {

constexpr const char* kRule = "js_escape";
constexpr size_t kEscapeBytes = 6;  // \u4e2d, %u4E2D

// The UTF-16 unit of the escape at `at`, if one starts there.
std::optional<char16_t> EscapeAt(std::string_view text, size_t at) {
  if (at + kEscapeBytes > text.size()) return std::nullopt;
  if (!((text[at] == '\\' || text[at] == '%') && (text[at + 1] == 'u' || text[at + 1] == 'U'))) return std::nullopt;
  const char* digits = text.data() + at + 2;
  const char* end = text.data() + at + kEscapeBytes;
  unsigned value = 0;  // four hex digits exactly: from_chars reads no sign and no 0x
  auto [stop, error] = std::from_chars(digits, end, value, 16);
  if (error != std::errc() || stop != end) return std::nullopt;
  return static_cast<char16_t>(value);
}

bool TextMayHold(UChar32 c) {
  if (c < 0x20) return c == '\n' || c == '\t';
  return !(c >= 0x7F && c < 0xA0) && !U_IS_SURROGATE(c) && c != 0xFFFE && c != 0xFFFF;
}

}  // namespace

void JsEscapes(std::string_view text, PassOutput& out) {
  if (text.find("\\u") == std::string_view::npos && text.find("%u") == std::string_view::npos &&
      text.find("\\U") == std::string_view::npos && text.find("%U") == std::string_view::npos)
    return;
  for (size_t i = 0; i < text.size();) {
    if ((text[i] != '\\' && text[i] != '%') || !EscapeAt(text, i)) {
      ++i;
      continue;
    }
    // The run: escapes one after the other, each read as a code point.
    size_t start = i;
    std::string decoded;
    bool valid = true, non_ascii = false;
    while (auto unit = EscapeAt(text, i)) {
      UChar32 c = *unit;
      size_t length = kEscapeBytes;
      if (U16_IS_LEAD(*unit)) {
        auto trail = EscapeAt(text, i + kEscapeBytes);
        if (trail && U16_IS_TRAIL(*trail)) {
          c = U16_GET_SUPPLEMENTARY(*unit, *trail);
          length += kEscapeBytes;
        }
      }
      valid &= TextMayHold(c);
      non_ascii |= c >= 0x80;
      AppendUtf8(decoded, c);
      i += length;
    }
    if (valid && non_ascii) out.Replace(start, i, decoded, kRule);
  }
}

}  // namespace pledge::rules
