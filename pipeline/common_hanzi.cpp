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

HanziSet Decoded(const char* charset, unsigned lead_first, unsigned lead_last, unsigned last_pair) {
  HanziSet set;
  ForEachDoubleByteCharacter(charset, lead_first, lead_last, 0xA1, [&](uint16_t bytes, char16_t unit) {
    if (bytes <= last_pair && unit >= kFirst && unit <= kLast) set.set(unit - kFirst);
  });
  return set;
}

}  // namespace

void ForEachDoubleByteCharacter(const char* charset, unsigned lead_first, unsigned lead_last, unsigned trail_high_first,
                                const std::function<void(uint16_t bytes, char16_t unit)>& found) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset, &status), ucnv_close);
  if (U_FAILURE(status)) return;
  std::string pairs;
  for (unsigned lead = lead_first; lead <= lead_last; ++lead)
    for (unsigned trail = 0x40; trail <= 0xFE; ++trail)
      if (trail <= 0x7E || trail >= trail_high_first) pairs += {static_cast<char>(lead), static_cast<char>(trail)};
  std::vector<UChar> units(pairs.size() + 16);
  std::vector<int32_t> offsets(units.size());
  const char* source = pairs.data();
  UChar* target = units.data();
  ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source, pairs.data() + pairs.size(),
                 offsets.data(), true, &status);
  if (U_FAILURE(status)) return;
  const size_t count = static_cast<size_t>(target - units.data());
  for (size_t k = 0; k < count; ++k) {
    UChar unit = units[k];
    int32_t at = offsets[k];
    // Substitutes for unmapped pairs, and bytes read on their own, are not characters.
    bool whole_pair = at >= 0 && at % 2 == 0 && (k + 1 == count || offsets[k + 1] == at + 2);
    if (!whole_pair || unit < 0x80 || unit == 0xFFFD || U16_IS_SURROGATE(unit)) continue;
    found(static_cast<uint16_t>(static_cast<unsigned char>(pairs[at]) << 8 | static_cast<unsigned char>(pairs[at + 1])),
          unit);
  }
}

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
