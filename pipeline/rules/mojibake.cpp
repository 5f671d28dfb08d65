// mojibake: UTF-8 bytes that were decoded as GBK (鎴戜滑 → 我们) or as Windows-1252/Latin-1
// (æˆ‘ä»¬ → 我们). A run is repaired only when re-encoding it with the wrong charset gives
// well-formed UTF-8 exactly (the round trip is exact) and the result is plausible Chinese:
// mostly common characters, where the damaged run was mostly rare ones. "Common" is GB2312
// level 1 (the 3,755 most frequent hanzi, pipeline/common_hanzi.h), not a hand list.
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <memory>

#include "pipeline/common_hanzi.h"
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

bool IsWellFormedUtf8(std::string_view bytes) { return FirstInvalidUtf8(bytes) == std::string_view::npos; }

// Each BMP character's two GBK bytes (0 where GBK has none), built once with ICU, so the scan
// below is table lookups: mojibake candidates are everywhere a rare hanzi is. Not only hanzi:
// UTF-8 read as GBK also yields bopomofo (在 → 鍦ㄥ), kana, Greek and full-width forms.
struct GbkTable {
  std::vector<uint16_t> code;
  std::vector<char16_t> decoded;  // and the other way: the character of two bytes, 0 for none
  // Built in the direction the damage went: every two-byte GBK sequence decoded.
  GbkTable() : code(0x10000, 0), decoded(0x10000, 0) {
    ForEachDoubleByteCharacter("GBK", 0x81, 0xFE, 0x80, [&](uint16_t bytes, char16_t unit) {
      if (code[unit] == 0) code[unit] = bytes;
      decoded[bytes] = unit;
    });
  }
  uint16_t Of(UChar32 c) const { return c >= 0 && c <= 0xFFFF ? code[c] : 0; }
  char16_t Decoded(uint16_t bytes) const { return decoded[bytes]; }
};

const GbkTable& Gbk() {
  static const GbkTable table;
  return table;
}

// The marks of GB2312's rows of symbols (lead bytes A1–A9): ① ★ № ※ ■ Ⅱ ℃ as well as 。，.
// A list's marker or a heading's star is Chinese text as much as its words are.
bool IsGb2312Symbol(UChar32 c) {
  unsigned lead = Gbk().Of(c) >> 8;
  return c >= 0x80 && lead >= 0xA1 && lead <= 0xA9;
}

// Share of characters in `utf8` that are common hanzi, and whether all are Chinese text.
struct Profile { size_t chars = 0, han = 0, common = 0, han_or_punct = 0, controls = 0; };
Profile ProfileOf(std::string_view utf8) {
  Profile p;
  for (size_t i = 0; i < utf8.size();) {
    UChar32 c = Utf8At(utf8, i, &i);
    // ASCII says nothing either way: a letter may stand in Chinese text ((W of (World Bank)).
    // Nor does U+FFFD, a character the damage lost (see TellUnknownByte).
    if ((c < 0x80 && c >= 0x20) || c == 0xFFFD) continue;
    ++p.chars;
    if (IsHan(c)) ++p.han;
    if (IsCommonSimplified(c)) ++p.common;
    // What the character map changes counts too: text damaged twice (a PDF's Kangxi radical ⼆,
    // a zero-width space or an NBSP after 。, then read in the wrong charset: â¼†, Â ) is
    // Chinese once the mojibake is undone and the map has run.
    if (IsChineseContext(c) || IsGb2312Symbol(c) || CharMapChanges(Utf8Of(c))) ++p.han_or_punct;
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) ++p.controls;
  }
  return p;
}

bool PlausibleRepair(std::string_view damaged, std::string_view repaired) {
  Profile after = ProfileOf(repaired), before = ProfileOf(damaged);
  if (after.chars == 0 || after.controls > 0) return false;
  if (after.han_or_punct * 10 < after.chars * 9) return false;   // ≥ 90% Chinese
  // Punctuation alone (ï¼ˆ → （): the damaged run must hold no common hanzi to lose.
  if (after.han == 0) return before.common == 0;
  if (after.common * 10 < after.han * 7) return false;           // ≥ 70% of the hanzi common
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

// The byte a Latin-1 or Windows-1252 character stands for: Latin-1 itself (C1 controls
// included), or one of the 27 characters Windows-1252 puts at 0x80–0x9F; -1 for any other.
int LatinByte(UChar32 c, UConverter* cp1252) {
  if (c >= 0x80 && c <= 0xFF) return static_cast<int>(c);
  if (!IsLatinMojibakeChar(c)) return -1;
  std::string b;
  return Encode(cp1252, Utf8Of(c), b) && b.size() == 1 ? static_cast<unsigned char>(b[0]) : -1;
}

void RepairLatinRuns(std::string_view text, PassOutput& out, UConverter* cp1252) {
  // A run longer than this is repaired in pieces, and a start that fails tries its four longest
  // prefixes only: a line of thousands of Latin-1 characters must not be walked once per start.
  constexpr size_t kMaxBytes = 3 * 96, kPrefixesTried = 4;
  size_t i = 0;
  while (i < text.size()) {
    size_t next;
    UChar32 c = Utf8At(text, i, &next);
    if (!(c >= 0xC0 && c <= 0xEF)) { i = next; continue; }  // a run starts with a UTF-8 lead byte look-alike
    // The run's bytes, and where each of its characters ends in the text.
    std::string bytes(1, static_cast<char>(c));
    std::vector<size_t> ends{i, next};  // ends[k]: the text offset after k bytes
    size_t end = next;
    while (end < text.size() && bytes.size() < kMaxBytes) {
      size_t after;
      int b = LatinByte(Utf8At(text, end, &after), cp1252);
      if (b < 0) break;
      bytes.push_back(static_cast<char>(b));
      end = after;
      ends.push_back(end);
    }
    // The prefixes that re-encode to whole UTF-8 characters, found in one walk.
    std::vector<size_t> whole;
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    for (int32_t k = 0, n = static_cast<int32_t>(bytes.size()); k < n;) {
      UChar32 u;
      U8_NEXT(p, k, n, u);
      if (u < 0) break;
      whole.push_back(static_cast<size_t>(k));
    }
    bool repaired = false;
    size_t tried = 0;
    for (auto it = whole.rbegin(); it != whole.rend() && *it >= 3 && tried < kPrefixesTried && !repaired; ++it, ++tried) {
      std::string_view candidate = text.substr(i, ends[*it] - i);
      std::string_view utf8(bytes.data(), *it);
      if (PlausibleRepair(candidate, utf8)) {
        out.Replace(i, ends[*it], std::string(utf8), kRule);
        i = ends[*it];
        repaired = true;
      }
    }
    if (!repaired) i = next;
  }
}

// Whether a byte leads the UTF-8 of Chinese text: E4–E9 hanzi, E3 CJK punctuation (、。《》),
// E2 general punctuation (“ ” … —), EF full-width forms (，（）：).
bool IsUtf8LeadOfChineseText(unsigned lead) { return (lead >= 0xE2 && lead <= 0xE9) || lead == 0xEF; }

// The mark a cut character was, where its first two bytes (`two`) and the ASCII around it leave
// one: of the 64 characters two bytes can begin, the text's form picks one.
// - A date's 年, 月 and 日 (2023年3月15日 read as 2023骞�3鏈�15鏃�): four digits of a year need
//   年 (its block also holds 幅 and 平: 3幅, 100平方米, which the figures rule out); after 年,
//   a month's one or two digits need 月; after 月, a day's need 日.
// - A document number's brackets and 号 (杭政办发〔2023〕12号 read as 銆�2023銆�12鍙�): a year
//   between two cut marks of U+3000–303F is in 〔〕, and the figures after 〕 need 号.
// - A range of figures (2023—2025): of U+2000–203F, a dash between digits.
// - A line's end: of U+3000–303F, a line of text ends in 。 (every such line of the samples).
// - A line's indent: of U+3000–303F, U+3000 itself, with nothing but U+3000 before it.
// `last_mark` is the mark told last, with where its damaged text ends (the next mark may need
// it: 月 after 年). `alone`: the cut character is the whole run, so the figures before it are
// its own; otherwise only what follows it counts. 0 where nothing decides.
UChar32 CutMark(std::string_view text, size_t at, size_t stop, std::string_view two, bool alone, bool run_opens_line,
                bool indent_before, std::pair<size_t, UChar32> last_mark) {
  const bool punctuation_block = two == "\xE3\x80";
  if (punctuation_block && (stop == text.size() || text[stop] == '\n' || text[stop] == '\r')) return U'。';
  size_t digits_after = stop;
  while (digits_after < text.size() && IsAsciiDigit(static_cast<unsigned char>(text[digits_after])) && digits_after - stop < 5)
    ++digits_after;
  const size_t count_after = digits_after - stop;
  if (punctuation_block && count_after == 4 && text.substr(digits_after).starts_with("\xE9\x8A\x86\xEF\xBF\xBD"))
    return U'〔';  // 銆� after the year: its 〕
  // An indent (　　2.抓好… read as 銆�銆�2.): nothing but U+3000 before it on its line.
  if (punctuation_block && run_opens_line && indent_before) return U'\u3000';
  if (!alone) return 0;
  size_t digits = at;
  while (digits > 0 && IsAsciiDigit(static_cast<unsigned char>(text[digits - 1])) && at - digits < 5) --digits;
  size_t count = at - digits;
  // The mark before the figures, as written or as told from its own cut.
  UChar32 before = digits > 0 ? Utf8Before(text, digits, nullptr) : 0;
  if (last_mark.first == digits && last_mark.second > 0) before = last_mark.second;
  if (count == 0 || count > 4) return 0;
  int value = 0;
  std::from_chars(text.data() + digits, text.data() + at, value);
  if (punctuation_block && count == 4 && before == U'〔') return U'〕';
  if (two == "\xE2\x80" && count_after > 0) return U'—';
  if (two == "\xE5\x8F" && before == U'〕') return U'号';
  if (two == "\xE5\xB9" && count == 4 && value >= 1900 && value <= 2100) return U'年';
  if (two == "\xE6\x9C" && count <= 2 && value >= 1 && value <= 12 && before == U'年') return U'月';
  if (two == "\xE6\x97" && count <= 2 && value >= 1 && value <= 31 && before == U'月') return U'日';
  return 0;
}

// Whether the text holds a private-use character (U+E000–U+F8FF: EE 80 80 – EF A3 BF), as a
// GB18030 reading gives the pairs GBK leaves undefined. Not a symbol font's (U+F020–U+F0FF:
// EF 80 A0 – EF 83 BF, Word's bullets, which variant_char maps): a document's own, they say
// nothing of how its bytes were read.
bool HoldsPrivateUse(std::string_view text) {
  if (text.find('\xEE') != std::string_view::npos) return true;
  for (size_t at = text.find('\xEF'); at != std::string_view::npos; at = text.find('\xEF', at + 1)) {
    if (at + 2 >= text.size()) break;
    auto second = static_cast<unsigned char>(text[at + 1]), third = static_cast<unsigned char>(text[at + 2]);
    bool symbol_font = second <= 0x83 && (second > 0x80 || third >= 0xA0);
    if (second <= 0xA3 && !symbol_font) return true;
  }
  return false;
}

// HoldsPrivateUse of a text, found when first asked: most texts never ask.
class EveryPairRead {
 public:
  explicit EveryPairRead(std::string_view text) : text_(text) {}
  bool operator()() {
    if (known_ < 0) known_ = HoldsPrivateUse(text_);
    return known_ == 1;
  }

 private:
  std::string_view text_;
  int known_ = -1;
};

// The byte of a UTF-8 character the decoder wrote as U+FFFD, at bytes[unknown_at] (0x80 for
// now), once the character [char_start, char_start + 3) is whole. It was 0x80 (Python's decoders
// write it as U+FFFD, where Windows' and a browser's write €), or the first byte of a pair GBK
// leaves undefined with the byte after it (`before`: Python's gbk). `only_0x80`: the text shows a decoder that reads every
// pair (GB18030 gives the undefined ones private-use characters, \uE15F), so the byte was 0x80.
// The byte is the one that makes a common hanzi or Chinese punctuation, where exactly one does;
// else the character cannot be told and becomes U+FFFD (same length: the walk goes on unchanged).
void TellUnknownByte(std::string& bytes, size_t char_start, size_t unknown_at, unsigned before, bool only_0x80) {
  const GbkTable& table = Gbk();
  auto fits = [&](unsigned byte) {
    bytes[unknown_at] = static_cast<char>(byte);
    UChar32 c = Utf8At(std::string_view(bytes).substr(char_start, 3), 0, nullptr);
    return IsCommonSimplified(c) || IsChinesePunct(c) || c == 0x3000;
  };
  if (only_0x80) {
    if (!fits(0x80)) bytes.replace(char_start, 3, "\xEF\xBF\xBD");
    return;
  }
  int told = -1, fitting = 0;
  for (unsigned byte = 0x80; byte <= 0xBF && fitting < 2; ++byte) {
    // GBK's user-defined pairs (A1 40 …) are private-use characters to ICU and none to Python.
    char16_t pair = table.Decoded(static_cast<uint16_t>(byte << 8 | before));
    if (byte != 0x80 && pair != 0 && !(pair >= 0xE000 && pair <= 0xF8FF)) continue;
    if (fits(byte)) {
      told = static_cast<int>(byte);
      ++fitting;
    }
  }
  if (fitting == 1) bytes[unknown_at] = static_cast<char>(told);
  else bytes.replace(char_start, 3, "\xEF\xBF\xBD");
}

// A character of which two bytes are read, bytes[char_start, +2), and whose third a decoder
// dropped (errors='ignore' drops the byte 0x80, which GBK does not define): the 0x80 went before
// or after the second byte. Completes the character with the one placement that makes a common
// hanzi or Chinese punctuation, or with U+FFFD where none or both do. False where the two bytes
// read are no character's start (the run is broken, not cut).
bool DroppedByteTold(std::string& bytes, size_t char_start) {
  if (bytes.size() != char_start + 2) return false;
  auto fits = [](std::string_view c3) {
    UChar32 c = Utf8At(c3, 0, nullptr);
    return c > 0 && (IsCommonSimplified(c) || IsChinesePunct(c) || c == 0x3000);
  };
  std::string second_dropped = {bytes[char_start], '\x80', bytes[char_start + 1]};
  std::string last_dropped = {bytes[char_start], bytes[char_start + 1], '\x80'};
  bool a = fits(second_dropped), b = fits(last_dropped) && last_dropped != second_dropped;  // 銆 (E3 80): U+3000 either way
  bytes.resize(char_start);
  bytes += a == b ? std::string("\xEF\xBF\xBD") : a ? second_dropped : last_dropped;
  return true;
}

// Where a walk over a run of hanzi read as GBK pairs stopped: the run's bytes, which are UTF-8 as
// far as it went, and the last point where a hanzi and a UTF-8 character end together.
struct GbkRun {
  std::string bytes;
  size_t end = 0, best_end = 0, best_bytes = 0;
  int pending = 0;      // continuation bytes the last UTF-8 character still needs
  bool broken = false;  // a byte no UTF-8 character can hold there
  bool spaced = false;  // spaces were walked over
};

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::string WithoutSpaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

// Walks from the rare hanzi at `i` while the GBK bytes stay well-formed UTF-8.
// `every_pair_read`: whether a GB18030 reading shows in the text (its private-use characters).
GbkRun WalkGbkRun(std::string_view text, size_t i, EveryPairRead& every_pair_read) {
  const GbkTable& table = Gbk();
  GbkRun run;
  auto& [bytes, end, best_end, best_bytes, pending, broken, spaced] = run;
  end = best_end = i;
  size_t char_start = 0;  // where in `bytes` the current UTF-8 character starts
  size_t dropped = 0;  // characters completed with a dropped 0x80 (DroppedByteTold)
  size_t unknown_at = std::string::npos;  // a byte of it the decoder wrote as U+FFFD, and the
  unsigned unknown_before = 0;             // byte it stood before (see TellUnknownByte)
  while (end < text.size() && !broken && end - i < 3 * 96) {
    // Walk over spaces between two hanzi, or normalizing the output (once the whitespace pass
    // has deleted them) would find and repair a run this pass did not. A space between two
    // whole characters of the original was in it (an ASCII space survives the misreading:
    // 姘存偿 涓囧惃 is 水泥 万吨) and stays; one inside a character was inserted, and goes.
    size_t look = end;
    while (look < text.size() && text[look] == ' ') ++look;
    if (look > end) {
      if (look == text.size() || table.Of(Utf8At(text, look, nullptr)) == 0) break;
      spaced = true;
      if (pending == 0) bytes.append(look - end, ' ');
      end = look;
    }
    size_t after;
    UChar32 d = Utf8At(text, end, &after);
    // The GBK bytes of d: two, or the one byte 0x80 that Windows' GBK (and a browser's) read
    // as €: a UTF-8 continuation byte left over between two-byte characters (一、 → 涓€銆).
    // A decoder with no € for it (Python's) writes U+FFFD for that one byte instead, and
    // Python's gbk does the same for the first byte of a pair GBK leaves undefined (目 is E7 9B
    // AE, and AE E6 is no GBK character: 目标 reads 鐩�鏍…). A U+FFFD inside a character, with
    // the run going on after it, is such a byte: which one is told once its character is
    // whole (see TellUnknownByte). At the run's end it may as well be a byte lost there (see
    // cut_last in RepairGbkRuns).
    unsigned char two[2];
    size_t count = 2;
    if (d == 0xFFFD && pending > 0 && unknown_at == std::string::npos && after < text.size() &&
        (table.Of(Utf8At(text, after, nullptr)) != 0 || text.substr(after, 3) == kReplacement)) {
      UChar32 following = Utf8At(text, after, nullptr);
      unknown_at = bytes.size();
      unknown_before = following == 0xFFFD || following == 0x20AC ? 0x80 : table.Of(following) >> 8;
      two[0] = 0x80;
      count = 1;
    } else if (d == 0x20AC) {
      two[0] = 0x80;
      count = 1;
    } else {
      uint16_t code = table.Of(d);
      if (code == 0) break;
      two[0] = static_cast<unsigned char>(code >> 8);
      two[1] = static_cast<unsigned char>(code & 0xFF);
    }
    for (size_t k = 0; k < count; ++k) {
      unsigned char byte = two[k];
      // At most one dropped byte in two characters (and a few at the start): real text read as
      // damage would need one at nearly every character.
      if (pending == 1 && (byte & 0xC0) != 0x80 && unknown_at == std::string::npos && dropped * 2 < bytes.size() / 3 + 4 &&
          every_pair_read() && DroppedByteTold(bytes, char_start)) {
        // A character short of one byte, and the next one begun: a decoder that reads every
        // pair (the text shows private-use characters) told to ignore what it cannot read
        // dropped its 0x80 (一 is E4 B8 80, 、 is E3 80 81); Python's gbk drops others too,
        // and is not guessed at. The byte just read starts the next character.
        ++dropped;
        pending = 0;
      }
      if (pending > 0) {
        if ((byte & 0xC0) != 0x80) { broken = true; break; }
        --pending;
      } else if (byte >= 0xE0 && byte <= 0xEF) {
        pending = 2;
        char_start = bytes.size();
      } else if (k == 1 && byte >= 0x40 && byte < 0x80) {
        // An ASCII character of the original read as a GBK character's second byte (（W →
        // 锛圵: 圵 is 0x88 0x57, the end of （ and a W): the run goes on with it.
      } else {
        broken = true;
        break;
      }
      bytes.push_back(static_cast<char>(byte));
      if (pending == 0 && unknown_at != std::string::npos) {  // its character is whole
        TellUnknownByte(bytes, char_start, unknown_at, unknown_before, every_pair_read());
        unknown_at = std::string::npos;
      }
    }
    if (broken) break;
    end = after;
    if (pending == 0) { best_end = end; best_bytes = bytes.size(); }
  }
  return run;
}

// A run of hanzi whose GBK bytes read as UTF-8. Candidates start at a rare hanzi whose GBK lead
// byte leads the UTF-8 of Chinese text: 锛 (EF BC, full-width forms), 銆 (E3 80), 鈥 (E2 80)
// are the look of damaged punctuation, the rest of damaged hanzi.
void RepairGbkRuns(std::string_view text, PassOutput& out) {
  const GbkTable& table = Gbk();
  int runs_repaired = 0;
  struct Cut { size_t start, stop; std::string repaired; };
  std::vector<Cut> cut_alone;
  std::pair<size_t, UChar32> last_mark{std::string_view::npos, 0};  // the cut character told last (CutMark)
  EveryPairRead every_pair_read(text);
  size_t i = 0;
  while (i < text.size()) {
    auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0xE4 || lead > 0xE9) {  // not a hanzi in U+4000–U+9FFF: skip the whole character
      i += lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      continue;
    }
    size_t next;
    UChar32 c = Utf8At(text, i, &next);
    uint16_t first = table.Of(c);
    if (!IsUtf8LeadOfChineseText(first >> 8) || IsCommonSimplified(c)) { i = next; continue; }
    GbkRun run = WalkGbkRun(text, i, every_pair_read);
    auto& [bytes, end, best_end, best_bytes, pending, broken, spaced] = run;
    // The run's last character may have lost its last byte: a UTF-8 page read as GBK with
    // replacement leaves an odd byte before ASCII alone, as U+FFFD (实施。 / 组织 read as
    // 瀹炴柦銆� / 缁勭粐: 銆 is E3 80, and the 82 of 。 became �). The whole characters are
    // repaired; the cut one, unless the text's form tells it (CutMark), and its U+FFFD become
    // one U+FFFD: one unknown character, kept and logged as unrepairable like any other.
    auto run_char_at = [&](size_t at) {
      return at < text.size() && (table.Of(Utf8At(text, at, nullptr)) != 0 || text.substr(at, 3) == kReplacement);
    };
    // A decoder told to ignore what it cannot read (errors='ignore') drops the byte without a
    // trace: the run then ends in the cut character's two bytes, before ASCII.
    const bool marked = text.substr(end, 3) == kReplacement;
    // Ignoring, a GB18030 reading drops 0x80 too: a run that ends two bytes short (造。 read as
    // 閫犮: E3 and no more) lost the 0x80 after the lead (all of U+3000–303F is E3 80 …) and then
    // the byte before ASCII.
    if (!broken && pending == 2 && !marked && !run_char_at(end) && !bytes.empty() && every_pair_read()) {
      bytes.push_back('\x80');
      pending = 1;
    }
    const bool cut_last = !broken && pending == 1 && (marked ? !run_char_at(end + 3) : !run_char_at(end));
    if (cut_last) {
      size_t stop = marked ? end + 3 : end;
      std::string_view whole_part = std::string_view(bytes).substr(0, bytes.size() - 2);
      bool indent = true;
      for (size_t k = 0; k < whole_part.size(); k += 3) indent &= whole_part.substr(k, 3) == "\xE3\x80\x80";
      UChar32 mark = CutMark(text, i, stop, std::string_view(bytes).substr(bytes.size() - 2), bytes.size() == 2,
                             i == 0 || text[i - 1] == '\n', indent, last_mark);
      if (mark > 0) last_mark = {stop, mark};
      std::string whole = bytes.substr(0, bytes.size() - 2) + (mark > 0 ? Utf8Of(mark) : std::string(kReplacement));
      if (!IsWellFormedUtf8(whole)) {
        // The whole characters' bytes are no UTF-8 (an overlong E0 80 85 from 鄝呴): no misreading.
      } else if (bytes.size() - 2 >= 6) {
        // Judged on the whole characters, the spaces walked over aside.
        std::string whole_chars = WithoutSpaces(whole.substr(0, whole.size() - 3));
        if (PlausibleRepair(WithoutSpaces(std::string(text.substr(i, end - i))), whole_chars)) {
          ++runs_repaired;
          out.Replace(i, stop, whole, kRule);
          i = stop;
          continue;
        }
      } else {
        // A character or two and the cut one (〔 of 〔2023〕 read as 銆�2023, 施。 as 鏂姐��):
        // too short to judge alone, repaired only in a text where whole runs show the damage.
        cut_alone.push_back({i, stop, whole});
      }
    } else if (best_end > i && best_bytes >= 6) {
      std::string repaired = bytes.substr(0, best_bytes);
      if (IsWellFormedUtf8(repaired) &&
          PlausibleRepair(WithoutSpaces(std::string(text.substr(i, best_end - i))), WithoutSpaces(repaired))) {
        ++runs_repaired;
        out.Replace(i, best_end, repaired, kRule);
        i = best_end;
        continue;
      }
    } else if (best_end > i && best_bytes >= 3 && !spaced && IsWellFormedUtf8(bytes.substr(0, best_bytes))) {
      // A character and an ASCII letter read as one (）C as 锛塁, 、P as 銆丳): too short to judge
      // alone, like a cut character; Chinese punctuation or common hanzi where nothing common was.
      std::string repaired = bytes.substr(0, best_bytes);
      Profile after = ProfileOf(repaired), before = ProfileOf(text.substr(i, best_end - i));
      if (before.common == 0 && after.chars > 0 && after.controls == 0 && after.han_or_punct == after.chars &&
          after.common == after.han)
        cut_alone.push_back({i, best_end, std::move(repaired)});
    }
    i = next;
  }
  if (runs_repaired > 0)
    for (auto& [start, stop, repaired] : cut_alone) out.Replace(start, stop, std::move(repaired), kRule);
}

// GBK bytes read as Latin-1 or Windows-1252, the other way round: an old site's page served
// without a charset (Ê©¹¤·½°¸ → 施工方案, ¡£ → 。). Every GB2312 character is two bytes of
// 0xA1–0xFE, and ASCII keeps its own bytes, so a run of Latin-1 characters starts on a
// character's first byte. The run's bytes are read as GBK pairs, as far as they decode.
// Returns the repairs of runs of two characters or more (one Latin word with two accented
// letters is not read as one hanzi) and, apart, those of one character.
// Each run is also kept character by character: a fix per character maps every repaired hanzi
// to its own two bytes, so a quantity that ends inside a run (2022Äê / Å©´å…: 2022年 / 农村…)
// still has exactly its own raw span.
struct GbkLatinRepairs {
  std::vector<RuleEdit> runs, single_characters;
  std::vector<std::vector<RuleEdit>> run_characters;  // per run
};
GbkLatinRepairs RepairGbkReadAsLatin(std::string_view text, UConverter* cp1252) {
  const GbkTable& table = Gbk();
  auto byte_of = [&](UChar32 d) { return LatinByte(d, cp1252); };
  constexpr size_t kMaxPairs = 256;  // a longer run is repaired in pieces: the walk stays linear
  GbkLatinRepairs found;
  size_t i = 0, run_end = 0;
  while (i < text.size()) {
    size_t next;
    UChar32 c = Utf8At(text, i, &next);
    if (c < 0xA1 || c > 0xFE) { i = next; continue; }  // a GB2312 lead byte, as Latin-1: ¡ … þ
    // The whole run of such characters: the pairs are aligned at its start. (A run repaired in
    // pieces is measured once.)
    if (i >= run_end) {
      run_end = i;
      while (run_end < text.size()) {
        size_t after;
        if (byte_of(Utf8At(text, run_end, &after)) < 0) break;
        run_end = after;
      }
    }
    std::string repaired;
    std::vector<RuleEdit> characters;
    size_t end = i, pairs = 0;
    char16_t first_unit = 0;
    bool one_hanzi_repeated = true;  // ····, a typed ellipsis, reads 贩贩: no text (but —— and …… are)
    while (end < run_end && pairs < kMaxPairs) {
      size_t second_at, after;
      int first = byte_of(Utf8At(text, end, &second_at));
      if (first < 0x81 || second_at >= run_end) break;
      int second = byte_of(Utf8At(text, second_at, &after));
      char16_t unit = table.Decoded(static_cast<uint16_t>(first << 8 | second));
      if (unit == 0) break;
      AppendUtf8(repaired, unit);
      characters.push_back({{static_cast<uint32_t>(end), static_cast<uint32_t>(after), Utf8Of(unit)}, kRule});
      if (pairs == 0) first_unit = unit;
      one_hanzi_repeated &= unit == first_unit && IsHan(unit);
      ++pairs;
      end = after;
    }
    if (pairs >= 2 && !one_hanzi_repeated && PlausibleRepair(text.substr(i, end - i), repaired)) {
      found.runs.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(end), std::move(repaired)}, kRule});
      found.run_characters.push_back(std::move(characters));
      i = end;
      continue;
    }
    if (pairs == 1 && end == run_end) {
      // A common hanzi, or a mark of GB2312's rows of symbols (lead bytes A1–A9: 。 — ∶ ＞).
      UChar32 d = static_cast<UChar32>(first_unit);
      bool symbol = byte_of(c) <= 0xA9;
      if (IsCommonSimplified(d) || symbol)
        found.single_characters.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(end), std::move(repaired)}, kRule});
    }
    i = run_end;
  }
  return found;
}

// Walks a list of edits in text order (none overlapping another) alongside queries that come in
// text order too: each edit is passed once, so comparing two readings of a text stays linear.
class OverlapCursor {
 public:
  explicit OverlapCursor(const std::vector<RuleEdit>& sorted) : sorted_(sorted) {}
  // Whether `e` overlaps an edit of the list for which `pred(edit)` holds.
  template <typename Pred>
  bool Any(const Edit& e, Pred pred) {
    while (next_ < sorted_.size() && sorted_[next_].edit.end <= e.start) ++next_;
    for (size_t k = next_; k < sorted_.size() && sorted_[k].edit.start < e.end; ++k)
      if (pred(sorted_[k].edit)) return true;
    return false;
  }
  bool Any(const Edit& e) { return Any(e, [](const Edit&) { return true; }); }

 private:
  const std::vector<RuleEdit>& sorted_;
  size_t next_ = 0;
};

}  // namespace

void Mojibake(std::string_view text, PassOutput& out) {
  // Latin-1 look-alikes of UTF-8 lead bytes (Ã… æ ä å é …) are all encoded with lead byte C3;
  // GB2312 bytes read as Latin-1 are U+00A1–U+00FE, whose UTF-8 leads with C2 or C3.
  bool c3 = text.find('\xC3') != std::string_view::npos;
  if (c3 || text.find('\xC2') != std::string_view::npos) {
    thread_local Converter cp1252 = OpenStrict("windows-1252");
    if (cp1252) {
      PassOutput utf8;
      if (c3) RepairLatinRuns(text, utf8, cp1252.get());
      GbkLatinRepairs gbk = RepairGbkReadAsLatin(text, cp1252.get());
      // The two readings of Latin-1 text can both find a run: 设。 read as Latin-1 is Éè¡£, whose
      // è¡£ is also the UTF-8 of 衣. The reading that explains more of the run wins.
      std::vector<RuleEdit> kept_runs, kept_gbk;
      OverlapCursor in_utf8(utf8.edits);
      for (size_t k = 0; k < gbk.runs.size(); ++k) {
        const Edit& run = gbk.runs[k].edit;
        bool beaten = in_utf8.Any(run, [&](const Edit& o) { return o.end - o.start >= run.end - run.start; });
        if (beaten) continue;
        kept_runs.push_back(gbk.runs[k]);
        for (auto& c : gbk.run_characters[k]) kept_gbk.push_back(std::move(c));
      }
      OverlapCursor in_kept_runs(kept_runs);
      for (auto& e : utf8.edits)
        if (!in_kept_runs.Any(e.edit)) out.edits.push_back(std::move(e));
      // One character between ASCII (2023Äê3ÔÂ: 年, 月; ¡³12ºÅ: 〕, 号) is too short to judge
      // alone; in a text this misreading has been seen in, a common hanzi or a mark is.
      if (!kept_runs.empty()) {
        OverlapCursor in_kept_utf8(out.edits);
        for (auto& e : gbk.single_characters)
          if (!in_kept_utf8.Any(e.edit)) kept_gbk.push_back(std::move(e));
      }
      for (auto& e : kept_gbk) out.edits.push_back(std::move(e));
    }
  }
  RepairGbkRuns(text, out);
}

}  // namespace pledge::rules
