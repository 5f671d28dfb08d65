// Small UTF-8 and character-class helpers shared by the normalization rules and the segmenter.
// Character properties come from ICU; these wrappers only name the classes pledge cares about.
#pragma once

#include <unicode/umachine.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace pledge {

// Code point starting at byte i (U+FFFD for an ill-formed sequence); *next gets the next offset.
UChar32 Utf8At(std::string_view s, size_t i, size_t* next);
// Code point ending just before byte i; *start gets its first byte. i must be > 0.
UChar32 Utf8Before(std::string_view s, size_t i, size_t* start);
void AppendUtf8(std::string& out, UChar32 c);
std::string Utf8Of(UChar32 c);

bool IsHan(UChar32 c);               // ideographs, incl. 〇
bool IsChinesePunct(UChar32 c);      // ，。、；：？！“”‘’（）《》【】…— and other full-width punctuation
inline bool IsChineseContext(UChar32 c) { return IsHan(c) || IsChinesePunct(c); }
inline bool IsAsciiDigit(UChar32 c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(UChar32 c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsSentenceEnd(UChar32 c);       // 。！？；and their ASCII forms . ! ? ;

}  // namespace pledge
