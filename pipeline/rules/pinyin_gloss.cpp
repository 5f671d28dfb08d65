// pinyin_gloss: reposting sites that convert pages to traditional characters also print the
// reading of each character with more than one after it, in brackets: 經(jīng)濟社會發(fā)展.
// A gloss is one syllable of lower-case pinyin with its tone mark, in ASCII or full-width
// brackets, right after a hanzi. Policy text never writes a reading that way (a name's
// romanisation is capitalised and has no tone marks, 北京（Beijing）), so the whole bracket goes.
// Syllables without a tone mark ((de), (zhe)) are kept: a bracketed lower-case word can be an
// abbreviation or a unit.
#include <re2/re2.h>

#include "pipeline/rules/rule.h"
#include "pipeline/unicode_util.h"

namespace pledge::rules {

void PinyinGlosses(std::string_view text, PassOutput& out) {
  constexpr const char* kRule = "pinyin_gloss";
  // One syllable (at most six letters: zhuang), at least one of them a vowel with a tone mark.
  static const RE2 kGloss(
      "(?:\\(|（)[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,5}(?:\\)|）)");
  // Every tone-marked letter is encoded with lead byte C3, C4, C5, C7 or E1 (ḿ): a text with
  // none of them (most texts) is passed over with a few memchr calls.
  bool tone_marks = false;
  for (char lead : {'\xC3', '\xC4', '\xC5', '\xC7', '\xE1'}) tone_marks |= text.find(lead) != std::string_view::npos;
  if (!tone_marks) return;
  static constexpr ByteSet kOpenings("(\xEF");  // ( and the first byte of （
  re2::StringPiece input(text.data(), text.size()), match;
  for (size_t at = kOpenings.FindIn(text); at != std::string_view::npos; at = kOpenings.FindIn(text, at + 1)) {
    if (text[at] != '(' && text.compare(at, 3, "（") != 0) continue;
    if (at == 0) continue;
    if (!IsHan(Utf8Before(text, at, nullptr))) continue;
    if (!kGloss.Match(input, at, std::min(text.size(), at + 32), RE2::ANCHOR_START, &match, 1)) continue;
    out.Delete(at, at + match.size(), kRule);
    at += match.size() - 1;  // FindIn resumes after the gloss
  }
}

}  // namespace pledge::rules
