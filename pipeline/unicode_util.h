// Small UTF-8 and character-class helpers shared by the normalization rules and the segmenter.
// Character properties come from ICU; these wrappers only name the classes pledge cares about.
#pragma once

#include <unicode/umachine.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace pledge {

// Code point starting at byte i (U+FFFD for an ill-formed sequence); *next gets the next offset.
// Inline: every rule's scan loop calls it per character.
inline UChar32 Utf8At(std::string_view s, size_t i, size_t* next) {
  auto* p = reinterpret_cast<const uint8_t*>(s.data());
  if (p[i] < 0x80) {
    if (next) *next = i + 1;
    return p[i];
  }
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT_OR_FFFD(p, k, static_cast<int32_t>(s.size()), c);
  if (next) *next = static_cast<size_t>(k);
  return c;
}
// Code point ending just before byte i; *start gets its first byte. i must be > 0.
inline UChar32 Utf8Before(std::string_view s, size_t i, size_t* start) {
  auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV_OR_FFFD(p, 0, k, c);
  if (start) *start = static_cast<size_t>(k);
  return c;
}
// Offset of the first byte that is not part of well-formed UTF-8, or npos.
size_t FirstInvalidUtf8(std::string_view s);
void AppendUtf8(std::string& out, UChar32 c);
std::string Utf8Of(UChar32 c);

bool IsHan(UChar32 c);               // ideographs, incl. 〇
bool IsChinesePunct(UChar32 c);      // ，。、；：？！“”‘’（）《》【】…— and other full-width punctuation
inline bool IsChineseContext(UChar32 c) { return IsHan(c) || IsChinesePunct(c); }
inline bool IsAsciiDigit(UChar32 c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(UChar32 c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsSentenceEnd(UChar32 c);       // 。！？；and their ASCII forms . ! ? ;

// Finds the first byte of `text` at or after `from` that is in `set`: a 256-entry table scan,
// much faster than std::string_view::find_first_of (which tries every set member per byte).
class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) : bits_{} {
    for (char b : bytes) bits_[static_cast<unsigned char>(b)] = true;
  }
  constexpr bool Contains(char b) const { return bits_[static_cast<unsigned char>(b)]; }
  // For a code point: only ASCII ones can be in the set.
  constexpr bool Contains(UChar32 c) const { return c >= 0 && c < 0x80 && bits_[c]; }
  size_t FindIn(std::string_view text, size_t from = 0) const {
    for (size_t i = from; i < text.size(); ++i)
      if (bits_[static_cast<unsigned char>(text[i])]) return i;
    return std::string_view::npos;
  }

 private:
  bool bits_[256];
};

}  // namespace pledge
