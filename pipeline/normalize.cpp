#include "pipeline/normalize.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>

#include "pipeline/rules/rule.h"
#include "pipeline/unicode_util.h"

namespace pledge {

const std::vector<NormalizationRule>& NormalizationRules() {
  static const std::vector<NormalizationRule> rules = {
      {"boilerplate", "site banners, [bookmark: …] markers, metadata lines, and a PDF's page numbers and running heads leave the body text"},
      {"mojibake", "UTF-8 read as GBK or as Windows-1252/Latin-1, and GBK read as Latin-1, repaired where the round trip is exact"},
      {"url_entity", "percent-encoded text (%26lt; %E4%B8%AD) decoded where it yields valid text"},
      {"html_entity", "HTML entities (&lt; &#20013; &amp;lt;) decoded; <…> around Chinese becomes 《…》"},
      {"js_escape", "JSON and JavaScript escapes left in scraped text (\\u5404\\u7ea7, %u5404%u7EA7) decoded where they spell non-ASCII text"},
      {"html_tag", "HTML tags left in plain text: <br>, <p>, <div> … become a line break, <span>, <font> … go"},
      {"variant_char", "font/PDF accidents: 臵→置, 迚→进, 亍→于 (and 戒→或 in a text that shows them), Kangxi and radical look-alikes, compatibility ideographs, symbol-font bullets (U+F0B7 → •)"},
      {"pinyin_gloss", "pinyin a reposting site put after characters (經(jīng)濟) deleted"},
      {"traditional_script", "a copy of a simplified text in traditional characters (經濟發展) converted back with ICU's Hant-Hans"},
      {"width", "full-width digits, Latin letters, ％ and ． among ASCII ones become ASCII (a text that sets them full width throughout keeps them)"},
      {"whitespace", "zero-width characters, stray BOMs, NBSP, U+3000, tabs, runs of spaces, letter spacing"},
      {"hard_wrap", "a line break inside a sentence or word is removed"},
      {"cjk_punct", "ASCII , . ; : ? ! ( ) used as Chinese punctuation become ，。；：？！（）; a comma before another mark goes; ... and -- beside Chinese become …… and ——"},
      {"quotes", "reversed, unbalanced, escaped or ASCII double quotes become balanced “…”"},
      {"redaction", "** masking a name: kept, logged so redacted passages can be found"},
      {"unrepairable", "锟斤拷 or U+FFFD: damage that cannot be undone, kept and logged; document flagged"},
  };
  return rules;
}

namespace {

// First index at or after `from` whose raw offset is >= raw, in a monotonic map: a galloping
// search, cheap when the answer is near `from` (fixes are visited in raw order).
size_t LowerBoundFrom(const std::vector<RawOffset>& map, size_t from, RawOffset raw) {
  size_t low = from, step = 1, high = from;
  while (high < map.size() && map[high] < raw) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  high = std::min(high, map.size());
  return std::lower_bound(map.begin() + low, map.begin() + high, raw) - map.begin();
}

// Finds positions in a monotonic map for raw offsets given in ascending order (of their start).
class MapCursor {
 public:
  explicit MapCursor(const std::vector<RawOffset>& map) : map_(map) {}
  // [index of raw_start, index of raw_end): raw_start must not decrease between calls.
  std::pair<size_t, size_t> Span(RawOffset raw_start, RawOffset raw_end) {
    start_ = LowerBoundFrom(map_, start_, raw_start);
    return {start_, std::max(start_, LowerBoundFrom(map_, start_, raw_end))};
  }

 private:
  const std::vector<RawOffset>& map_;
  size_t start_ = 0;
};

struct PendingFix {
  const char* rule;
  RawOffset raw_start, raw_end;
  std::string after;
};

// Runs one pass: logs its edits and markers, applies the edits; returns whether it changed the
// text. `spare` is a buffer the pass's edits are applied into; it is swapped with `current`.
// Sets *char_map_stale when an edit inserts characters the character map would change.
template <typename PassFn>
bool RunPass(TrackedText& current, TrackedText& spare, std::vector<PendingFix>& log, PassFn&& pass,
             bool* char_map_stale = nullptr) {
  rules::PassOutput out;
  pass(std::string_view(current.text), out);
  for (const auto& m : out.markers)
    log.push_back({m.rule, current.to_raw[m.start], current.to_raw[m.end],
                   current.text.substr(m.start, m.end - m.start)});
  if (out.edits.empty()) return false;
  // Passes mostly propose their edits in text order: a check, not a merge sort of a million
  // edits (the sort was a fifth of the time on a line of nested brackets).
  auto by_start = [](const rules::RuleEdit& a, const rules::RuleEdit& b) { return a.edit.start < b.edit.start; };
  if (!std::is_sorted(out.edits.begin(), out.edits.end(), by_start))
    std::stable_sort(out.edits.begin(), out.edits.end(), by_start);
  std::vector<Edit> edits;
  edits.reserve(out.edits.size());
  uint32_t cursor = 0;
  for (auto& e : out.edits) {
    if (e.edit.start < cursor || e.edit.start >= e.edit.end) continue;  // overlapping proposal: first wins
    if (current.text.compare(e.edit.start, e.edit.end - e.edit.start, e.edit.replacement) == 0) continue;
    cursor = e.edit.end;
    if (char_map_stale && !*char_map_stale && rules::CharMapChanges(e.edit.replacement)) *char_map_stale = true;
    log.push_back({e.rule, current.to_raw[e.edit.start], current.to_raw[e.edit.end], e.edit.replacement});
    edits.push_back(std::move(e.edit));
  }
  if (edits.empty()) return false;
  ApplyEdits(current, edits, spare);
  std::swap(current, spare);
  return true;
}

uint64_t RestoredKey(RawOffset raw, char c) { return static_cast<uint64_t>(raw) << 8 | static_cast<unsigned char>(c); }

// Whether the author wrote a full-width form at a raw offset: the decoded source shows it there,
// or it lies inside a run that a decoding rule gave back (a line of UTF-8 read as GBK, a scraper's
// escapes: &#65297; %EF%BC%91 \uff11 are the author's １ all the same).
class WrittenForms {
 public:
  WrittenForms(const TrackedText& decoded, const std::vector<PendingFix>& log) : decoded_(decoded) {
    // The bytes a rule inserts all own the raw offset where its span starts (ApplyEdits), so a
    // form a decoding rule gave back is found by that offset and the form itself.
    for (const PendingFix& p : log) {
      bool decoding = false;
      for (std::string_view rule : {"mojibake", "js_escape", "url_entity", "html_entity"}) decoding |= p.rule == rule;
      if (!decoding) continue;
      for (size_t k = 0; k + 3 <= p.after.size(); ++k)
        if (p.after[k] == '\xEF' && (p.after[k + 1] == '\xBC' || p.after[k + 1] == '\xBD'))
          given_back_.insert(Key(p.raw_start, std::string_view(p.after).substr(k, 3)));
    }
  }
  bool At(RawOffset raw, std::string_view form) const {
    size_t in_decoded = LowerBoundFrom(decoded_.to_raw, 0, raw);
    if (decoded_.text.compare(std::min(in_decoded, decoded_.text.size()), form.size(), form) == 0) return true;
    return InDecodedRun(raw, form);
  }
  bool InDecodedRun(RawOffset raw, std::string_view form) const { return given_back_.count(Key(raw, form)) > 0; }

 private:
  static uint64_t Key(RawOffset raw, std::string_view form) {
    return static_cast<uint64_t>(raw) << 16 | static_cast<unsigned char>(form[1]) << 8 | static_cast<unsigned char>(form[2]);
  }
  const TrackedText& decoded_;
  std::unordered_set<uint64_t> given_back_;
};

// A text that sets its figures full width (rules::FullWidthTypography) gets them back: every
// ASCII character the width rule made from its full-width form, where the author wrote that form
// (WrittenForms). Those width fixes leave the log, since the text
// there is as written; fixes of other rules (a line break joined inside １２) stay.
void RestoreFullWidth(const TrackedText& decoded, TrackedText& current, TrackedText& spare, std::vector<PendingFix>& log) {
  std::unordered_set<RawOffset> widened;
  for (const PendingFix& p : log)
    if (std::string_view(p.rule) == "width" && p.after.size() == 1) widened.insert(p.raw_start);
  if (widened.empty()) return;
  const WrittenForms written(decoded, log);
  auto wide_form = [](char c) { return Utf8Of(static_cast<UChar32>(static_cast<unsigned char>(c)) + 0xFEE0); };
  // Whether the ASCII character at `at` was written full width: the width rule made it, and the
  // author wrote the form. A byte that shares its raw offset with the next came out of a decoded
  // run (\uff18\uff16): only the run can tell what was written.
  auto stands_for_wide = [&](size_t at) {
    RawOffset raw = current.to_raw[at];
    if (!widened.count(raw)) return false;
    std::string wide = wide_form(current.text[at]);
    return current.to_raw[at + 1] != raw ? written.At(raw, wide) : written.InDecodedRun(raw, wide);
  };
  // Judged on the settled text, the same on its own output.
  const rules::FullWidthForms forms = rules::FullWidthTypography(current.text, stands_for_wide);
  if (!forms.Any()) return;
  std::vector<Edit> edits;
  std::unordered_set<uint64_t> restored;  // raw offset and character: a decoded run's share one offset
  for (size_t at = 0; at < current.text.size(); ++at) {
    char c = current.text[at];
    if (!forms.Restores(c) || !stands_for_wide(at)) continue;
    edits.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + 1), wide_form(c)});
    restored.insert(RestoredKey(current.to_raw[at], c));
  }
  if (edits.empty()) return;
  // An ASCII comma between two such digits is their separator in the wrong width (２,３５６, where
  // a scraper made every comma of the text ASCII). A full stop between them is left: ５.６ is
  // written so as often as ５．６.
  std::vector<Edit> separators;
  std::vector<PendingFix> separator_fixes;
  auto edited_at = [&](size_t at) {
    auto it = std::lower_bound(edits.begin(), edits.end(), at, [](const Edit& e, size_t a) { return e.start < a; });
    return it != edits.end() && it->start == at;
  };
  auto digit_at = [&](size_t at) { return current.text[at] >= '0' && current.text[at] <= '9'; };
  for (const Edit& e : edits) {
    size_t at = e.end;
    if (at + 1 >= current.text.size() || current.text[at] != ',') continue;
    if (!digit_at(e.start) || edited_at(at) || !digit_at(at + 1) || !edited_at(at + 1)) continue;
    std::string wide = "，";
    separator_fixes.push_back({"width", current.to_raw[at], current.to_raw[at + 1], wide});
    separators.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + 1), std::move(wide)});
  }
  if (!separators.empty()) {
    edits.insert(edits.end(), separators.begin(), separators.end());
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.start < b.start; });
  }
  ApplyEdits(current, edits, spare);
  // The rules that run before the character map read full-width forms as they stand (mojibake
  // takes ｏ for half of a GBK pair): where one of them would act on the restored text, normalizing
  // the output again would not give the output. Such a text (garbage, in practice) stays ASCII.
  rules::PassOutput probe;
  DocumentMetadata ignored;
  rules::Boilerplate(spare.text, probe, ignored);
  rules::JsEscapes(spare.text, probe);
  rules::Mojibake(spare.text, probe);
  rules::Entities(spare.text, probe);
  rules::StrayTags(spare.text, probe);
  for (const rules::RuleEdit& e : probe.edits)
    if (spare.text.compare(e.edit.start, e.edit.end - e.edit.start, e.edit.replacement) != 0) return;
  std::swap(current, spare);
  log.insert(log.end(), separator_fixes.begin(), separator_fixes.end());
  std::erase_if(log, [&](const PendingFix& p) {
    return std::string_view(p.rule) == "width" && p.after.size() == 1 && restored.count(RestoredKey(p.raw_start, p.after[0]));
  });
  // (A separator's own fix is three bytes long, `，`, and stays.)
}

// At most this many rounds. Real text settles in one round and the second only confirms it.
// Soups of ASCII marks, brackets and quotes can pass a decision along a chain, one link per
// round; the rules settle the chains the fuzzer found (nested and sibling brackets, repeated
// banners) within their own pass, and this bound keeps any other such input linear. Beyond it
// idempotence is not promised.
constexpr int kMaxRounds = 8;

// `is_title`: the text is a document's title being repaired, which has no title of its own.
NormalizedText Normalize(const TrackedText& input, const TrackedText* source, bool is_title) {
  const TrackedText& decoded = source ? *source : input;
  NormalizedText result;
  TrackedText current = input, spare;
  std::vector<PendingFix> log;

  // Order matters. Boilerplate first, so banners never reach the body rules. Mojibake before
  // anything per-character, since its Latin-1 runs would otherwise be "repaired" piecemeal; JSON's
  // \u escapes before it, since they may spell such a run (\u00e7\u00ac…).
  // Entities before the character map (an entity may decode to a full-width digit), and before
  // stray tags (&lt;br&gt; is a tag once decoded). Hard wraps
  // are joined before spaces and punctuation are judged, because both look at neighbours and a
  // join makes new neighbours; punctuation before spaces, since a space after a converted
  // comma (国家, 一切) is only then between two Chinese characters. Quotes before spaces: a
  // space between Chinese text and a quote goes only once the quote is a Chinese one (论 " → 论”).
  // The character map looks at no neighbours: once it has run, it has work again only where a
  // later rule inserted characters it maps (an entity decoded to a full-width digit, say). The
  // rounds after the first skip it otherwise, which is a quarter of a clean round.
  // Pinyin glosses go before the script, whose phrase rules read two characters together
  // (著(zhù)作), and both before hard wraps and punctuation, which know simplified words only.
  bool char_map_stale = true;
  // A pass is a function of the text alone. One that changed nothing, on a text no pass has
  // changed since, would change nothing again, so it is not run: a round that only confirms
  // the text runs just the passes up to the last one that made an edit.
  uint64_t edits_made = 0;
  std::array<uint64_t, 12> quiet_since;
  quiet_since.fill(UINT64_MAX);
  auto run = [&](size_t pass_id, auto&& pass, bool* stale) {
    if (quiet_since[pass_id] == edits_made) return false;
    if (RunPass(current, spare, log, pass, stale)) {
      ++edits_made;
      quiet_since[pass_id] = UINT64_MAX;
      return true;
    }
    quiet_since[pass_id] = edits_made;
    return false;
  };
  auto round = [&](DocumentMetadata& metadata) {
    bool changed = false;
    bool* stale = &char_map_stale;
    changed |= run(0, [&](std::string_view t, rules::PassOutput& o) { rules::Boilerplate(t, o, metadata); }, stale);
    changed |= run(1, rules::JsEscapes, stale);
    changed |= run(2, rules::Mojibake, stale);
    changed |= run(3, rules::Entities, stale);
    changed |= run(4, rules::StrayTags, stale);
    if (char_map_stale) {
      char_map_stale = false;
      changed |= run(5, rules::CharMap, nullptr);
    }
    changed |= run(6, rules::PinyinGlosses, stale);
    changed |= run(7, rules::TraditionalScript, stale);
    changed |= run(8, rules::HardWrap, stale);
    changed |= run(9, rules::CjkPunct, stale);
    changed |= run(10, rules::Quotes, stale);
    changed |= run(11, rules::Spaces, stale);
    return changed;
  };
  // The sequence is repeated until a round changes nothing. Each rule decides from its
  // neighbours, and a later rule (or a later mark in the same pass) can change a neighbour an
  // earlier decision saw: an ASCII ( becomes （ only once its ) is reached, a banner is
  // recognisable only once its entities are decoded. Normalizing the output must change nothing
  // (idempotence), so the output is a text on which the whole sequence changes nothing.
  // Metadata comes from the first round, which sees the text as written.
  // A text still changing after the last round (pathological: brackets nested five deep in
  // quotes, with no text) is flagged: normalizing its output could change it again.
  bool settled = true;
  if (round(result.metadata)) {
    settled = false;
    for (int rounds = 1; rounds < kMaxRounds && !settled; ++rounds) {
      DocumentMetadata ignored;
      settled = !round(ignored);
    }
  }
  if (!settled) result.flags.push_back("unsettled");
  RestoreFullWidth(decoded, current, spare, log);
  // Markers log spans without changing them: once, on the final text.
  RunPass(current, spare, log, rules::Markers);

  // Final positions of each fix: the map is monotonic, so the text bytes whose source lies in
  // [raw_start, raw_end) form one contiguous span.
  // In raw order (stable: fixes at one place keep the order their passes made them), so both
  // maps are walked forward once instead of searched from the start for every fix.
  std::stable_sort(log.begin(), log.end(), [](const PendingFix& a, const PendingFix& b) { return a.raw_start < b.raw_start; });
  MapCursor in_normalized(current.to_raw), in_decoded(decoded.to_raw);
  result.fixes.reserve(log.size());
  for (auto& p : log) {
    Fix f;
    f.rule = p.rule;
    f.raw_start = p.raw_start;
    f.raw_end = p.raw_end;
    auto [norm_start, norm_end] = in_normalized.Span(p.raw_start, p.raw_end);
    f.norm_start = static_cast<uint32_t>(std::min(norm_start, current.text.size()));
    f.norm_end = static_cast<uint32_t>(std::min(norm_end, current.text.size()));
    // What the user sees in the original file at [raw_start, raw_end).
    auto [decoded_start, decoded_end] = in_decoded.Span(p.raw_start, p.raw_end);
    decoded_start = std::min(decoded_start, decoded.text.size());
    decoded_end = std::min(decoded_end, decoded.text.size());
    f.before = decoded.text.substr(decoded_start, decoded_end - decoded_start);
    f.after = std::move(p.after);
    // A flag per document for what a query should be able to find without reading the fixes.
    for (const char* flagged : {"unrepairable", "traditional_script"})
      if (f.rule == flagged && std::find(result.flags.begin(), result.flags.end(), flagged) == result.flags.end())
        result.flags.push_back(flagged);
    result.fixes.push_back(std::move(f));
  }
  result.text = std::move(current);
  // The title was chosen in the first round, from the line as written: it gets the same repairs
  // as the text (entities, mojibake, punctuation, tags), as a line of its own.
  if (!result.metadata.title.empty() && !is_title) {
    NormalizedText title = Normalize(TrackedText::Identity(result.metadata.title), nullptr, true);
    std::string_view t = TrimBlank(title.text.text);
    result.metadata.title = rules::TitleLike(t) ? std::string(t) : std::string();
  }
  return result;
}

}  // namespace

NormalizedText NormalizeText(const TrackedText& input, const TrackedText* source) {
  return Normalize(input, source, false);
}

}  // namespace pledge
