// The interface between the normalizer and its rules.
//
// A pass reads the current text and proposes edits (each with the name of the rule that made
// it) and markers (logged spans that are not changed). The normalizer sorts edits, drops any that
// overlap an earlier one, logs them as Fixes and applies them. A pass must propose only edits
// that a second run over its own output would not propose again (idempotence).
#pragma once

#include <unicode/umachine.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/normalize.h"
#include "pipeline/tracked_text.h"

namespace pledge::rules {

struct RuleEdit {
  Edit edit;
  const char* rule;
};

struct Marker {
  uint32_t start, end;  // text span, left unchanged
  const char* rule;
};

struct PassOutput {
  std::vector<RuleEdit> edits;
  std::vector<Marker> markers;
  void Replace(size_t start, size_t end, std::string replacement, const char* rule) {
    edits.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(end), std::move(replacement)}, rule});
  }
  void Delete(size_t start, size_t end, const char* rule) { Replace(start, end, std::string(), rule); }
};

// Passes, in the order the normalizer runs them (see normalize.cpp for why this order).
void Boilerplate(std::string_view text, PassOutput& out, DocumentMetadata& metadata);
// Whether a (repaired) first line reads as a title: short, no sentence punctuation.
bool TitleLike(std::string_view line);
// \u5404\u7ea7 and %u5404%u7EA7 (JSON's and JavaScript's escapes) decoded.
void JsEscapes(std::string_view text, PassOutput& out);
void Mojibake(std::string_view text, PassOutput& out);
void Entities(std::string_view text, PassOutput& out);
void StrayTags(std::string_view text, PassOutput& out);
void CharMap(std::string_view text, PassOutput& out);
// Whether CharMap would change any character of `text`. CharMap maps characters one by one,
// without looking at neighbours, so text that CharMap left alone needs it again only where
// another rule inserted such characters. (Its one look at neighbours, the ambiguous font
// accidents, needs the unambiguous ones as evidence, which its first run removes.)
bool CharMapChanges(std::string_view text);
// Which full-width forms a text sets as its own typography, not as damage: many documents,
// older ones above all, print every figure full width (１９９８年，增长１２．５％), which a clean
// text keeps byte for byte. Digits, Latin letters and percent signs are judged apart (ＧＤＰ
// beside ASCII figures; 12.5％ in a text of ASCII digits): a class is the text's own full width
// when no run of it mixes the two widths (２0２4 is damage) and its full-width runs are at least
// twice its ASCII runs beside Chinese text, and two at least (one, for letters and percent signs
// beside digits set full width). CharMap makes them ASCII all the same, so that every
// other rule reads one kind of figure; normalize judges and restores them once the text has
// settled, so that the judgement is the same on its own output (idempotence).
struct FullWidthForms {
  bool digits = false, letters = false, percent = false;
  bool Any() const { return digits || letters || percent; }
  // Whether the ASCII character c, made from its full-width form, goes back to it: a digit,
  // and the decimal point and thousands separator between such digits, with the digits.
  bool Restores(char c) const {
    if ((c >= '0' && c <= '9') || c == '.' || c == ',') return digits;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return letters;
    return c == '%' && percent;
  }
};
// Judged on normalized text, where the width rule made every such form ASCII:
// `stands_for_wide(at)` says whether the ASCII character at byte `at` was written full width.
FullWidthForms FullWidthTypography(std::string_view text, const std::function<bool(size_t)>& stands_for_wide);
// A copy in traditional characters of a simplified text (a Big5 mirror's) back to simplified.
void TraditionalScript(std::string_view text, PassOutput& out);
// Pinyin glosses a reposting site put after characters (經(jīng)濟) are deleted.
void PinyinGlosses(std::string_view text, PassOutput& out);
void HardWrap(std::string_view text, PassOutput& out);
void Spaces(std::string_view text, PassOutput& out);
// Whether Spaces deletes a run of spaces between these two characters (mid-line). The quotes
// pass asks it too: it must judge a quote by the neighbours left after the deletion.
bool SpaceGoesBetween(UChar32 before, UChar32 after);
void CjkPunct(std::string_view text, PassOutput& out);
void Quotes(std::string_view text, PassOutput& out);
void Markers(std::string_view text, PassOutput& out);

}  // namespace pledge::rules
