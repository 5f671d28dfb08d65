// mojibake: UTF-8 bytes that were decoded as GBK (鎴戜滑 → 我们) or as Windows-1252/Latin-1
// (æˆ‘ä»¬ → 我们). A run is repaired only when re-encoding it with the wrong charset gives
// well-formed UTF-8 exactly (the round trip is exact) and the result is plausible Chinese:
// mostly common characters, where the damaged run was mostly rare ones. "Common" is GB2312
// level 1 (the 3,755 most frequent hanzi), asked of ICU's GB2312 converter, not a hand list.
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <bitset>
#include <memory>
#include <mutex>

#include "pipeline/rules/rule.h"
#include "pipeline/unicode_util.h"

namespace pledge::rules {
namespace {

constexpr const char* kRule = "mojibake";

struct ConverterCloser { void operator()(UConverter* c) const { ucnv_close(c); } };
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter OpenStrict(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter c(ucnv_open(name, &status));
  if (U_FAILURE(status)) return nullptr;
  ucnv_setFromUCallBack(c.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return c;
}

// Encodes UTF-8 text with `conv`; false when any character has no mapping.
bool Encode(UConverter* conv, std::string_view utf8, std::string& bytes) {
  std::u16string units;
  for (size_t i = 0; i < utf8.size();) {
    UChar32 c = Utf8At(utf8, i, &i);
    if (c > 0xFFFF) return false;
    units.push_back(static_cast<char16_t>(c));
  }
  bytes.assign(units.size() * 4 + 4, '\0');
  UErrorCode status = U_ZERO_ERROR;
  ucnv_resetFromUnicode(conv);
  int32_t n = ucnv_fromUChars(conv, bytes.data(), static_cast<int32_t>(bytes.size()),
                              reinterpret_cast<const UChar*>(units.data()), static_cast<int32_t>(units.size()), &status);
  if (U_FAILURE(status)) return false;
  bytes.resize(n);
  return true;
}

struct CommonHanzi {
  std::bitset<0x9FFF - 0x4E00 + 1> bits;
  CommonHanzi() {
    Converter gb2312 = OpenStrict("GB2312");
    std::string bytes;
    for (UChar32 c = 0x4E00; c <= 0x9FFF; ++c) {
      if (gb2312 && Encode(gb2312.get(), Utf8Of(c), bytes) && bytes.size() == 2) {
        auto lead = static_cast<unsigned char>(bytes[0]);
        if (lead >= 0xB0 && lead <= 0xD7) bits.set(c - 0x4E00);
      }
    }
  }
  bool Has(UChar32 c) const { return c >= 0x4E00 && c <= 0x9FFF && bits.test(c - 0x4E00); }
};

const CommonHanzi& Common() {
  static const CommonHanzi common;
  return common;
}

bool IsWellFormedUtf8(std::string_view bytes) {
  auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t i = 0, n = static_cast<int32_t>(bytes.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// Share of characters in `utf8` that are common hanzi, and whether all are Chinese text.
struct Profile { size_t chars = 0, common = 0, han_or_punct = 0, controls = 0; };
Profile ProfileOf(std::string_view utf8) {
  Profile p;
  for (size_t i = 0; i < utf8.size();) {
    UChar32 c = Utf8At(utf8, i, &i);
    ++p.chars;
    if (Common().Has(c)) ++p.common;
    if (IsChineseContext(c)) ++p.han_or_punct;
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) ++p.controls;
  }
  return p;
}

bool PlausibleRepair(std::string_view damaged, std::string_view repaired) {
  Profile after = ProfileOf(repaired), before = ProfileOf(damaged);
  if (after.chars == 0 || after.controls > 0) return false;
  if (after.han_or_punct * 10 < after.chars * 9) return false;   // ≥ 90% Chinese
  if (after.common * 10 < after.han_or_punct * 7) return false;  // ≥ 70% common hanzi
  return after.common * before.chars > before.common * after.chars;  // more common than before
}

// Latin-1 / Windows-1252 look: U+0080–U+00FF and the 27 characters CP1252 puts at 0x80–0x9F.
bool IsLatinMojibakeChar(UChar32 c) {
  if (c >= 0x80 && c <= 0xFF) return true;
  switch (c) {
    case 0x20AC: case 0x201A: case 0x0192: case 0x201E: case 0x2026: case 0x2020: case 0x2021:
    case 0x02C6: case 0x2030: case 0x0160: case 0x2039: case 0x0152: case 0x017D: case 0x2018:
    case 0x2019: case 0x201C: case 0x201D: case 0x2022: case 0x2013: case 0x2014: case 0x02DC:
    case 0x2122: case 0x0161: case 0x203A: case 0x0153: case 0x017E: case 0x0178:
      return true;
  }
  return false;
}

void RepairLatinRuns(std::string_view text, PassOutput& out, UConverter* cp1252) {
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i, next;
    UChar32 c = Utf8At(text, i, &next);
    if (!(c >= 0xC0 && c <= 0xEF)) { i = next; continue; }  // a run starts with a UTF-8 lead byte look-alike
    size_t end = next;
    std::vector<size_t> boundaries{start, next};
    while (end < text.size()) {
      UChar32 d = Utf8At(text, end, &next);
      if (!IsLatinMojibakeChar(d)) break;
      end = next;
      boundaries.push_back(end);
    }
    // Longest prefix of the run that re-encodes to whole UTF-8 characters.
    bool repaired = false;
    for (size_t k = boundaries.size() - 1; k >= 2 && !repaired; --k) {
      std::string_view candidate = text.substr(start, boundaries[k] - start);
      std::string bytes;
      for (size_t j = 0; j < candidate.size();) {
        UChar32 d = Utf8At(candidate, j, &j);
        if (d <= 0xFF) { bytes.push_back(static_cast<char>(d)); continue; }  // Latin-1, incl. C1
        std::string b;
        if (!Encode(cp1252, Utf8Of(d), b) || b.size() != 1) { bytes.clear(); break; }
        bytes += b;
      }
      if (bytes.size() >= 3 && IsWellFormedUtf8(bytes) && PlausibleRepair(candidate, bytes)) {
        out.Replace(start, boundaries[k], bytes, kRule);
        i = boundaries[k];
        repaired = true;
      }
    }
    if (!repaired) i = boundaries[1];
  }
}

// GBK look: a run of hanzi and full-width forms. Try each rare character as a start.
void RepairGbkRuns(std::string_view text, PassOutput& out, UConverter* gbk) {
  size_t i = 0;
  while (i < text.size()) {
    size_t next;
    UChar32 c = Utf8At(text, i, &next);
    if (!(IsHan(c) || IsChinesePunct(c)) || Common().Has(c) || c < 0x2E80) { i = next; continue; }
    // Collect the following run of non-ASCII characters (the candidate's extent).
    std::vector<size_t> boundaries{i};
    size_t end = i;
    while (end < text.size() && boundaries.size() < 64) {
      UChar32 d = Utf8At(text, end, &next);
      if (d < 0x80) break;
      end = next;
      boundaries.push_back(end);
    }
    bool repaired = false;
    for (size_t k = boundaries.size() - 1; k >= 2 && !repaired; --k) {
      std::string_view candidate = text.substr(i, boundaries[k] - i);
      std::string bytes;
      if (!Encode(gbk, candidate, bytes) || bytes.size() % 3 != 0) continue;
      if (IsWellFormedUtf8(bytes) && PlausibleRepair(candidate, bytes)) {
        out.Replace(i, boundaries[k], bytes, kRule);
        i = boundaries[k];
        repaired = true;
      }
    }
    if (!repaired) i = boundaries.size() > 1 ? boundaries[1] : next;
  }
}

}  // namespace

void Mojibake(std::string_view text, PassOutput& out) {
  // Cheap screen: both kinds need characters outside ASCII and outside common hanzi.
  thread_local Converter cp1252 = OpenStrict("windows-1252");
  thread_local Converter gbk = OpenStrict("GBK");
  if (!cp1252 || !gbk) return;
  bool latin = false, rare = false;
  for (size_t i = 0; i < text.size() && !(latin && rare);) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) { ++i; continue; }
    UChar32 c = Utf8At(text, i, &i);
    if (c >= 0xC0 && c <= 0xEF) latin = true;
    else if (IsHan(c) && !Common().Has(c)) rare = true;
  }
  if (latin) RepairLatinRuns(text, out, cp1252.get());
  if (rare) RepairGbkRuns(text, out, gbk.get());
}

}  // namespace pledge::rules
