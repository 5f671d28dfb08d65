#include "pipeline/unicode_util.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace pledge {

size_t FirstInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (p[i] < 0x80) { ++i; continue; }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::string_view::npos;
}

void AppendUtf8(std::string& out, UChar32 c) {
  uint8_t bytes[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, c);
  out.append(reinterpret_cast<char*>(bytes), length);
}

std::string Utf8Of(UChar32 c) {
  std::string s;
  AppendUtf8(s, c);
  return s;
}

bool IsHan(UChar32 c) {
  if (c < 0x2E80) return false;
  if (c >= 0x4E00 && c <= 0x9FFF) return true;  // the common case, without a property lookup
  return u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC);
}

bool IsChinesePunct(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201C: case 0x201D:  // ‘ ’ “ ”
    case 0x2014: case 0x2015: case 0x2026: case 0x00B7:  // — ― … ·
      return true;
  }
  if (c >= 0x3001 && c <= 0x303F) return c != 0x3007;  // 、。〈〉《》「」【】〔〕… (〇 is a digit)
  if (c >= 0xFF01 && c <= 0xFF0F) return true;         // ！＂＃…（）＊＋，－．／
  if (c >= 0xFF1A && c <= 0xFF20) return true;         // ：；＜＝＞？＠
  if (c >= 0xFF3B && c <= 0xFF40) return true;
  if (c >= 0xFF5B && c <= 0xFF65) return true;
  return false;
}

bool IsSentenceEnd(UChar32 c) {
  switch (c) {
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B:  // 。！？；
    case '.': case '!': case '?': case ';':
      return true;
  }
  return false;
}

}  // namespace pledge
