// common_hanzi: the characters a reader of Chinese meets most, as ICU's converters define them:
// GB2312 level 1 (the 3,755 most frequent simplified hanzi) and Big5 level 1 (the 5,401
// frequent traditional ones). Decoding asks which reading of a short file looks like Chinese;
// mojibake asks whether a repair made the text more ordinary.
#pragma once

#include <unicode/umachine.h>

#include <cstdint>
#include <functional>
#include <string_view>

namespace pledge {

bool IsCommonSimplified(UChar32 c);   // GB2312 level 1
bool IsCommonTraditional(UChar32 c);  // Big5 level 1

// Decodes every two-byte sequence of `charset` whose lead byte is in [lead_first, lead_last] and
// whose trail byte is in [0x40, 0x7E] or [trail_high_first, 0xFE], in one ICU call, and calls
// found(bytes, unit) for each that decodes to one non-ASCII BMP character of its own
// (substitutes for unmapped pairs are skipped).
void ForEachDoubleByteCharacter(const char* charset, unsigned lead_first, unsigned lead_last, unsigned trail_high_first,
                                const std::function<void(uint16_t bytes, char16_t unit)>& found);

// Share (0–1) of the characters of UTF-8 `text` that ordinary Chinese text is made of: common
// hanzi of either set, Chinese punctuation, printable ASCII and whitespace.
double ChineseTextShare(std::string_view text);

}  // namespace pledge
