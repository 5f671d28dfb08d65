// Small UTF-8 and character-class helpers shared by the normalization rules and the segmenter.
// Character properties come from ICU; these wrappers only name the classes pledge cares about.
#pragma once

#include <unicode/umachine.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <initializer_list>
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
// Whether `text` holds any of `words` (a handful of byte searches).
inline bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words)
    if (text.find(word) != std::string_view::npos) return true;
  return false;
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

// U+3000 IDEOGRAPHIC SPACE, as Chinese typography sets it: two indent a paragraph (　　为了…)
// and one sets an article's number apart from its text (第一条　为了…). Normalization keeps it
// there, so the rules that look past spaces for a neighbour treat it as a space.
inline bool IdeographicSpaceAt(std::string_view s, size_t i) {
  return i + 3 <= s.size() && s[i] == '\xE3' && s[i + 1] == '\x80' && s[i + 2] == '\x80';
}
// Bytes of the space (' ' or U+3000) starting at i, or 0.
inline size_t SpaceAt(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == ' ') return 1;
  return IdeographicSpaceAt(s, i) ? 3 : 0;
}
// Bytes of the space (' ' or U+3000) ending just before i, or 0.
inline size_t SpaceBefore(std::string_view s, size_t i) {
  if (i > 0 && s[i - 1] == ' ') return 1;
  return i >= 3 && IdeographicSpaceAt(s, i - 3) ? 3 : 0;
}
// The first offset at or after i that is not a space (' ' or U+3000).
inline size_t SkipSpaces(std::string_view s, size_t i) {
  while (size_t n = SpaceAt(s, i)) i += n;
  return i;
}
// The first offset at or before i with no space (' ' or U+3000) just before it.
inline size_t SkipSpacesBack(std::string_view s, size_t i) {
  while (size_t n = SpaceBefore(s, i)) i -= n;
  return i;
}
// `s` without the spaces (' ', U+3000) and the single-byte characters `also` accepts at either end.
template <typename Also>
std::string_view TrimSpacesAnd(std::string_view s, Also also) {
  for (size_t n; !s.empty() && (n = also(s.front()) ? 1 : SpaceAt(s, 0)) > 0;) s.remove_prefix(n);
  for (size_t n; !s.empty() && (n = also(s.back()) ? 1 : SpaceBefore(s, s.size())) > 0;) s.remove_suffix(n);
  return s;
}
// `s` without the spaces (' ', U+3000) and carriage returns at either end.
inline std::string_view TrimSpaces(std::string_view s) {
  return TrimSpacesAnd(s, [](char c) { return c == '\r'; });
}
// `s` without the spaces (' ', U+3000), tabs and line breaks at either end.
inline std::string_view TrimBlank(std::string_view s) {
  return TrimSpacesAnd(s, [](char c) { return c == '\t' || c == '\n' || c == '\r'; });
}

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
