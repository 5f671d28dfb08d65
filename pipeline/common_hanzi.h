// common_hanzi: the characters a reader of Chinese meets most, as ICU's converters define them:
// GB2312 level 1 (the 3,755 most frequent simplified hanzi) and Big5 level 1 (the 5,401
// frequent traditional ones). Decoding asks which reading of a short file looks like Chinese;
// mojibake asks whether a repair made the text more ordinary.
#pragma once

#include <unicode/umachine.h>

#include <string_view>

namespace pledge {

bool IsCommonSimplified(UChar32 c);   // GB2312 level 1
bool IsCommonTraditional(UChar32 c);  // Big5 level 1

// Share (0–1) of the characters of UTF-8 `text` that ordinary Chinese text is made of: common
// hanzi of either set, Chinese punctuation, printable ASCII and whitespace.
double ChineseTextShare(std::string_view text);

}  // namespace pledge
