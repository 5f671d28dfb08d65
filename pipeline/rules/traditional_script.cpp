// traditional_script: a simplified-Chinese document read in a traditional-character copy.
// Mirrors of mainland government sites serve every page through a Big5 gateway
// (big5.www.gov.cn/gate/big5/…), and reposting sites convert whole pages, so the same work plan
// turns up as 經濟社會發展的主要預期目標是…. The extractors know the simplified words (增长,
// 以内, 目标); in this copy they would find no commitment, and an analyst's query for 不得少于
// would miss it.
//
// A text is a converted copy when the characters only a traditional text uses (Big5 level 1, not
// GB2312 level 1: 經 濟 發) outnumber three to one those only a simplified text uses (经 济 发),
// and there are at least three. Then each line goes through ICU's Hant-Hans transliterator,
// whose data is Unicode CLDR's, phrases included (著作 keeps its 著, 甚麼 becomes 什么). A
// simplified text that quotes a traditional name (臺灣) has far more simplified characters than
// that and is never touched. Each converted character is one fix.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "pipeline/common_hanzi.h"
#include "pipeline/rules/rule.h"
#include "pipeline/unicode_util.h"

namespace pledge::rules {
namespace {

constexpr const char* kRule = "traditional_script";
constexpr size_t kMinTraditional = 3;
constexpr size_t kTraditionalPerSimplified = 3;

// For each of U+4E00–U+9FFF: whether only simplified or only traditional text uses it. One
// table, so that the scan below (every text, every round) is one lookup per hanzi.
enum ScriptOf : uint8_t { kEither = 0, kSimplifiedOnly = 1, kTraditionalOnly = 2 };
constexpr UChar32 kFirstHanzi = 0x4E00, kLastHanzi = 0x9FFF;
const std::vector<uint8_t>& ScriptTable() {
  static const std::vector<uint8_t> table = [] {
    std::vector<uint8_t> t(kLastHanzi - kFirstHanzi + 1, kEither);
    for (UChar32 c = kFirstHanzi; c <= kLastHanzi; ++c) {
      bool simplified = IsCommonSimplified(c), traditional = IsCommonTraditional(c);
      if (simplified != traditional) t[c - kFirstHanzi] = simplified ? kSimplifiedOnly : kTraditionalOnly;
    }
    return t;
  }();
  return table;
}

bool ReadsAsTraditional(std::string_view text) {
  const std::vector<uint8_t>& script = ScriptTable();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t traditional = 0, simplified = 0;
  for (size_t i = 0; i < n; ++i) {
    // U+4E00–U+9FFF is E4 B8 80 … E9 BF BF: decoded by hand, one lookup.
    if (p[i] < 0xE4 || p[i] > 0xE9 || i + 2 >= n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) continue;
    UChar32 c = (p[i] & 0x0F) << 12 | (p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F);
    i += 2;
    if (c < kFirstHanzi) continue;
    uint8_t s = script[c - kFirstHanzi];
    traditional += s == kTraditionalOnly;
    simplified += s == kSimplifiedOnly;
    // Decided early: the hanzi left (at most a third of the bytes left) cannot outweigh these.
    if ((simplified & 0xFF) == 0 && s == kSimplifiedOnly &&
        kTraditionalPerSimplified * simplified > traditional + (n - i) / 3)
      return false;
  }
  return traditional >= kMinTraditional && traditional >= kTraditionalPerSimplified * simplified;
}

// ICU does not promise that one transliterator may be used by several threads at once; each
// thread clones the one instance built (and checked) on first use.
const icu::Transliterator& HantToHans() {
  static const std::unique_ptr<icu::Transliterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t) throw std::runtime_error(std::string("ICU Hant-Hans transliterator: ") + u_errorName(status));
    return t;
  }();
  thread_local const std::unique_ptr<icu::Transliterator> own(prototype->clone());
  return *own;
}

// Proposes the changes from `line` (at `offset` in the text) to `converted`: one fix per changed
// character when the two have as many characters, so that every character keeps its own raw
// bytes (a quantity ending at 3個 of 3個縣 keeps its 個); else one for the span between their
// common prefix and suffix (a phrase rule that changes the length).
void ProposeChanges(std::string_view line, size_t offset, const icu::UnicodeString& original,
                    const icu::UnicodeString& converted, PassOutput& out) {
  auto utf8 = [](const icu::UnicodeString& s, int32_t from, int32_t to) {
    std::string bytes;
    s.tempSubStringBetween(from, to).toUTF8String(bytes);
    return bytes;
  };
  if (original.countChar32() == converted.countChar32()) {
    size_t byte = 0;  // in `line`, at unit `i` of `original`
    for (int32_t i = 0, j = 0; i < original.length();) {
      UChar32 was = original.char32At(i), now = converted.char32At(j);
      size_t length = static_cast<size_t>(U8_LENGTH(was));
      if (was != now) out.Replace(offset + byte, offset + byte + length, Utf8Of(now), kRule);
      byte += length;
      i += U16_LENGTH(was);
      j += U16_LENGTH(now);
    }
    return;
  }
  int32_t prefix = 0;
  while (prefix < original.length() && prefix < converted.length() && original[prefix] == converted[prefix]) ++prefix;
  int32_t suffix = 0;
  while (suffix < original.length() - prefix && suffix < converted.length() - prefix &&
         original[original.length() - 1 - suffix] == converted[converted.length() - 1 - suffix])
    ++suffix;
  // Never split a surrogate pair.
  if (prefix > 0 && U16_IS_LEAD(original[prefix - 1])) --prefix;
  if (suffix > 0 && U16_IS_TRAIL(original[original.length() - suffix])) --suffix;
  size_t start = utf8(original, 0, prefix).size();
  size_t end = line.size() - utf8(original, original.length() - suffix, original.length()).size();
  out.Replace(offset + start, offset + end, utf8(converted, prefix, converted.length() - suffix), kRule);
}

}  // namespace

void TraditionalScript(std::string_view text, PassOutput& out) {
  if (!ReadsAsTraditional(text)) return;
  const icu::Transliterator& to_simplified = HantToHans();
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    bool plain = true;
    for (char c : line) plain &= static_cast<unsigned char>(c) < 0x80;
    if (!plain) {
      icu::UnicodeString original = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
      icu::UnicodeString converted = original;
      to_simplified.transliterate(converted);
      if (converted != original) ProposeChanges(line, start, original, converted, out);
    }
    start = end + 1;
  }
}

}  // namespace pledge::rules
