// variant_char, width, whitespace (the per-character part): one table lookup per character.
//
// variant_char: 臵 → 置 (a font accident: GB2312 fonts that lack 置 substitute it), Kangxi
// radicals U+2F00–U+2FD5 and CJK compatibility ideographs → their unified ideograph (ICU NFKC /
// NFC of that one character, so the data is Unicode's), and the CJK Radicals Supplement forms
// that PDF extraction emits for whole characters (⻓ ⻅ ⻔ …), which Unicode does not decompose:
// that table is ours, below.
// width: full-width digits, Latin letters, ％ and ． → ASCII. Not a blanket NFKC, which would
// also turn ，。：； into ASCII.
// whitespace: zero-width characters and stray BOMs are deleted; NBSP, U+3000, the U+2000 spaces
// and tabs become a plain space (runs are collapsed by the spaces pass).
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <unordered_map>

#include "pipeline/rules/rule.h"
#include "pipeline/unicode_util.h"

namespace pledge::rules {
namespace {

struct Mapping {
  std::string replacement;
  const char* rule;
};

// CJK Radicals Supplement look-alikes → the ordinary ideograph (simplified where the radical
// is the simplified form). Unicode gives no decomposition for these.
constexpr std::pair<UChar32, UChar32> kRadicalSupplement[] = {
    {0x2E80, 0x51AB}, {0x2E81, 0x5382}, {0x2E84, 0x4E59}, {0x2E85, 0x4EBB}, {0x2E86, 0x5182},
    {0x2E87, 0x51E0}, {0x2E89, 0x5202}, {0x2E8A, 0x535C}, {0x2E8B, 0x353E}, {0x2E8C, 0x5C0F},
    {0x2E8D, 0x5C0F}, {0x2E8E, 0x5140}, {0x2E8F, 0x5C23}, {0x2E90, 0x5C22}, {0x2E92, 0x5DF3},
    {0x2E93, 0x5E7A}, {0x2E94, 0x5F50}, {0x2E95, 0x5F51}, {0x2E96, 0x5FC4}, {0x2E97, 0x5FC3},
    {0x2E98, 0x624C}, {0x2E99, 0x6535}, {0x2E9B, 0x65E1}, {0x2E9D, 0x6708}, {0x2E9E, 0x6B7A},
    {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11}, {0x2EA1, 0x6C35}, {0x2EA2, 0x6C3A}, {0x2EA3, 0x706C},
    {0x2EA4, 0x722B}, {0x2EA6, 0x4E2C}, {0x2EA7, 0x725B}, {0x2EA8, 0x72AD}, {0x2EA9, 0x738B},
    {0x2EAA, 0x758B}, {0x2EAB, 0x7F52}, {0x2EAC, 0x793A}, {0x2EAD, 0x793B}, {0x2EAE, 0x7AF9},
    {0x2EB2, 0x7F52}, {0x2EB3, 0x7F51}, {0x2EB6, 0x7F8A}, {0x2EB7, 0x7F8A}, {0x2EB8, 0x7F8A},
    {0x2EB9, 0x8002}, {0x2EBA, 0x8080}, {0x2EBB, 0x807F}, {0x2EBC, 0x6708}, {0x2EBD, 0x81FC},
    {0x2EBE, 0x8279}, {0x2EBF, 0x8279}, {0x2EC0, 0x8279}, {0x2EC1, 0x864E}, {0x2EC2, 0x8864},
    {0x2EC3, 0x8980}, {0x2EC4, 0x897F}, {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2}, {0x2EC8, 0x8BA0},
    {0x2EC9, 0x8D1D}, {0x2ECA, 0x8DB3}, {0x2ECB, 0x8F66}, {0x2ECC, 0x8FB6}, {0x2ECD, 0x8FB6},
    {0x2ECE, 0x8FB6}, {0x2ECF, 0x961D}, {0x2ED0, 0x9485}, {0x2ED1, 0x9577}, {0x2ED2, 0x9578},
    {0x2ED3, 0x957F}, {0x2ED4, 0x95E8}, {0x2ED5, 0x961C}, {0x2ED6, 0x961D}, {0x2ED7, 0x96E8},
    {0x2ED8, 0x9752}, {0x2ED9, 0x97E6}, {0x2EDA, 0x9875}, {0x2EDB, 0x98CE}, {0x2EDC, 0x98DE},
    {0x2EDD, 0x98DF}, {0x2EDE, 0x98E0}, {0x2EDF, 0x98E0}, {0x2EE0, 0x9963}, {0x2EE1, 0x9996},
    {0x2EE2, 0x9A6C}, {0x2EE3, 0x9AA8}, {0x2EE4, 0x9B3C}, {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F},
    {0x2EE7, 0x5364}, {0x2EE8, 0x9EA6}, {0x2EE9, 0x9EC4}, {0x2EEA, 0x9EFE}, {0x2EEB, 0x6589},
    {0x2EEC, 0x9F50}, {0x2EED, 0x6B6F}, {0x2EEE, 0x9F7F}, {0x2EEF, 0x7ADC}, {0x2EF0, 0x9F99},
    {0x2EF1, 0x9F9C}, {0x2EF2, 0x4E80}, {0x2EF3, 0x9F9F},
};

// Characters that are real but, in modern mainland text, only ever appear by accident.
constexpr std::pair<UChar32, UChar32> kVariantAccidents[] = {
    {0x81F5, 0x7F6E},  // 臵 → 置: 处臵, 推心臵腹, 安臵
};

class CharTable {
 public:
  CharTable() {
    for (auto [from, to] : kRadicalSupplement) map_[from] = {Utf8Of(to), "variant_char"};
    for (auto [from, to] : kVariantAccidents) map_[from] = {Utf8Of(to), "variant_char"};
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) {
      auto add_normalized = [&](const icu::Normalizer2* n, UChar32 c) {
        UErrorCode s = U_ZERO_ERROR;
        icu::UnicodeString out = n->normalize(icu::UnicodeString(c), s);
        if (U_FAILURE(s) || out == icu::UnicodeString(c)) return;
        std::string utf8;
        out.toUTF8String(utf8);
        map_[c] = {utf8, "variant_char"};
      };
      for (UChar32 c = 0x2F00; c <= 0x2FD5; ++c) add_normalized(nfkc, c);    // Kangxi radicals
      for (UChar32 c = 0xF900; c <= 0xFAFF; ++c) add_normalized(nfc, c);     // compatibility ideographs
      for (UChar32 c = 0x2F800; c <= 0x2FA1F; ++c) add_normalized(nfc, c);   // supplement
    }
    for (UChar32 c = 0xFF10; c <= 0xFF19; ++c) map_[c] = {std::string(1, char('0' + c - 0xFF10)), "width"};
    for (UChar32 c = 0xFF21; c <= 0xFF3A; ++c) map_[c] = {std::string(1, char('A' + c - 0xFF21)), "width"};
    for (UChar32 c = 0xFF41; c <= 0xFF5A; ++c) map_[c] = {std::string(1, char('a' + c - 0xFF41)), "width"};
    map_[0xFF05] = {"%", "width"};
    map_[0xFF0E] = {".", "width"};
    for (UChar32 c : {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD}) map_[c] = {"", "whitespace"};
    for (UChar32 c : {0x00A0, 0x3000, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
                      0x200A, 0x202F, 0x205F, 0x0009, 0x000B, 0x000C})
      map_[c] = {" ", "whitespace"};
  }
  const Mapping* Find(UChar32 c) const {
    auto it = map_.find(c);
    return it == map_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<UChar32, Mapping> map_;
};

// Code points that can possibly have a mapping; everything else skips the hash lookup.
inline bool MaybeMapped(UChar32 c) {
  return c == '\t' || c == 0x0B || c == 0x0C || c == 0xA0 || c == 0xAD || (c >= 0x2000 && c <= 0x2060) ||
         (c >= 0x2E80 && c <= 0x2FDF) || c == 0x3000 || c == 0x81F5 || (c >= 0xF900 && c <= 0xFAFF) ||
         c == 0xFEFF || (c >= 0xFF05 && c <= 0xFF5A) || (c >= 0x2F800 && c <= 0x2FA1F);
}

}  // namespace

void CharMap(std::string_view text, PassOutput& out) {
  static const CharTable table;
  for (size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 && b != '\t' && b != 0x0B && b != 0x0C) { ++i; continue; }
    // Only these UTF-8 lead bytes can start a mapped character; skip the rest undecoded.
    if (b >= 0x80 && b != 0xC2 && b != 0xE2 && b != 0xE3 && b != 0xE8 && b != 0xEF && b != 0xF0) {
      i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      continue;
    }
    size_t start = i;
    UChar32 c = Utf8At(text, i, &i);
    if (!MaybeMapped(c)) continue;
    if (const Mapping* m = table.Find(c)) out.Replace(start, i, m->replacement, m->rule);
  }
}

bool CharMapChanges(std::string_view text) {
  bool plain = true;
  for (char c : text) plain &= static_cast<unsigned char>(c) < 0x80 && c != '\t' && c != 0x0B && c != 0x0C;
  if (plain) return false;
  PassOutput out;
  CharMap(text, out);
  return !out.edits.empty();
}

}  // namespace pledge::rules
