#include "pipeline/common_hanzi.h"

#include <unicode/ucnv.h>

#include <bitset>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/unicode_util.h"

namespace pledge {
namespace {

constexpr UChar32 kFirst = 0x4E00, kLast = 0x9FFF;
using HanziSet = std::bitset<kLast - kFirst + 1>;

// Decodes every two-byte sequence with a lead byte in [lead_first, lead_last] and a trail byte
// in the converter's ranges, in one call; the hanzi it yields form the set.
HanziSet Decoded(const char* charset, unsigned lead_first, unsigned lead_last, unsigned last_pair) {
  HanziSet set;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset, &status), ucnv_close);
  if (U_FAILURE(status)) return set;
  std::string pairs;
  for (unsigned lead = lead_first; lead <= lead_last; ++lead)
    for (unsigned trail = 0x40; trail <= 0xFE; ++trail)
      if ((trail <= 0x7E || trail >= 0xA1) && (lead << 8 | trail) <= last_pair)
        pairs += {static_cast<char>(lead), static_cast<char>(trail)};
  std::vector<UChar> units(pairs.size() + 16);
  const char* source = pairs.data();
  UChar* target = units.data();
  ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source, pairs.data() + pairs.size(), nullptr,
                 true, &status);
  if (U_FAILURE(status)) return set;
  for (UChar* u = units.data(); u < target; ++u)
    if (*u >= kFirst && *u <= kLast) set.set(*u - kFirst);
  return set;
}

}  // namespace

bool IsCommonSimplified(UChar32 c) {
  static const HanziSet set = Decoded("GB2312", 0xB0, 0xD7, 0xD7F9);
  return c >= kFirst && c <= kLast && set.test(c - kFirst);
}

bool IsCommonTraditional(UChar32 c) {
  static const HanziSet set = Decoded("Big5", 0xA4, 0xC6, 0xC67E);
  return c >= kFirst && c <= kLast && set.test(c - kFirst);
}

double ChineseTextShare(std::string_view text) {
  size_t chars = 0, ordinary = 0;
  for (size_t i = 0; i < text.size(); ++chars) {
    UChar32 c = Utf8At(text, i, &i);
    bool ascii = (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t';
    if (ascii || IsChinesePunct(c) || IsCommonSimplified(c) || IsCommonTraditional(c)) ++ordinary;
  }
  return chars == 0 ? 0 : static_cast<double>(ordinary) / static_cast<double>(chars);
}

}  // namespace pledge
