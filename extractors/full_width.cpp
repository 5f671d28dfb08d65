#include "extractors/full_width.h"

#include <cstring>

namespace pledge {
namespace {

// The ASCII character the full-width form at s[i] (EF BC xx or EF BD xx) stands for, or 0.
char NarrowFormAt(std::string_view s, size_t i) {
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xEF) return 0;
  auto second = static_cast<unsigned char>(s[i + 1]), third = static_cast<unsigned char>(s[i + 2]);
  // U+FF01–U+FF3F are EF BC 81–BF, U+FF40–U+FF5E are EF BD 80–9E: ASCII 21–7E shifted by FEE0.
  unsigned code = second == 0xBC ? 0xFF00 + (third - 0x80) : second == 0xBD ? 0xFF40 + (third - 0x80) : 0;
  if (code == 0 || third < 0x80 || third > 0xBF) return 0;
  char c = static_cast<char>(code - 0xFEE0);
  // And the slash of a rate's unit (微克／立方米, 元／人), which the patterns read as /.
  bool figure = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '%' || c == '.' ||
                c == '/';
  return figure ? c : 0;
}

bool DigitAt(std::string_view s, size_t i, size_t* next) {
  if (i < s.size() && s[i] >= '0' && s[i] <= '9') { *next = i + 1; return true; }
  char c = NarrowFormAt(s, i);
  *next = i + 3;
  return c >= '0' && c <= '9';
}

// A full-width comma between figures set full width is their thousands separator (４，５６５,
// 百分之９，９９９): three digits follow it and no fourth, as normalization's cjk_punct reads
// ASCII ones.
bool ThousandsCommaAt(std::string_view s, size_t i, const std::string& folded_so_far) {
  if (s.substr(i, 3) != "\xEF\xBC\x8C" || folded_so_far.empty() || folded_so_far.back() < '0' ||
      folded_so_far.back() > '9')
    return false;
  size_t at = i + 3;
  for (int k = 0; k < 3; ++k)
    if (!DigitAt(s, at, &at)) return false;
  size_t after;
  return !DigitAt(s, at, &after);
}

}  // namespace

std::optional<FoldedFigures> FoldFullWidthFigures(std::string_view s) {
  if (s.empty()) return std::nullopt;  // (and memchr is never handed an empty view's null data)
  size_t first = std::string_view::npos;
  for (const char* p = s.data(); (p = static_cast<const char*>(std::memchr(p, '\xEF', s.data() + s.size() - p)));
       ++p)
    if (NarrowFormAt(s, p - s.data())) { first = p - s.data(); break; }
  if (first == std::string_view::npos) return std::nullopt;
  FoldedFigures folded;
  folded.text.reserve(s.size());
  folded.to_original.reserve(s.size() + 1);
  folded.text.append(s.substr(0, first));
  for (uint32_t k = 0; k < first; ++k) folded.to_original.push_back(k);
  for (size_t i = first; i < s.size();) {
    if (char c = ThousandsCommaAt(s, i, folded.text) ? ',' : NarrowFormAt(s, i)) {
      folded.to_original.push_back(static_cast<uint32_t>(i));
      folded.text.push_back(c);
      i += 3;
    } else {
      folded.to_original.push_back(static_cast<uint32_t>(i));
      folded.text.push_back(s[i]);
      ++i;
    }
  }
  folded.to_original.push_back(static_cast<uint32_t>(s.size()));
  return folded;
}

}  // namespace pledge
