// Normalize: repair damaged Chinese text and log every fix back to the raw bytes.
//
// Contract:
//   NormalizeText(decoded) takes the decoder's TrackedText and returns the normalized text, its
//   map to raw offsets (composed through every rule), and one Fix per change. Rules run as a
//   fixed sequence of passes (see NormalizationRules()), repeated until a round changes nothing
//   (at most 8 rounds); each Fix names its rule, its raw span
//   (raw[raw_start, raw_end) decodes to `before`), its span in the final text and the text the
//   rule put there (`after`). Marker rules (redaction, unrepairable) log a Fix with
//   before == after and change nothing.
//   Guarantees, checked by tests and fuzzing: idempotent (normalizing the output changes
//   nothing) whenever the rounds settle within their bound, which real text does in one or two
//   (a text that does not is flagged "unsettled");
//   clean Chinese text comes out byte-identical; the map stays monotonic and total.
//   Never throws on any input.
#pragma once

#include <string>
#include <vector>

#include "pipeline/tracked_text.h"

namespace pledge {

struct Fix {
  std::string rule;
  RawOffset raw_start = 0, raw_end = 0;
  uint32_t norm_start = 0, norm_end = 0;
  std::string before, after;
};

// Filled by the boilerplate rule from metadata lines and banners; empty when not found.
struct DocumentMetadata {
  std::string title, source_site, author, published_at;
};

struct NormalizedText {
  TrackedText text;
  std::vector<Fix> fixes;
  DocumentMetadata metadata;
  // "unrepairable": damage that was kept as it is; "unsettled": the rules were still changing
  // the text after their last round.
  std::vector<std::string> flags;
};

struct NormalizationRule {
  const char* name;
  const char* meaning;
};
// Every rule name a Fix can carry, with what it repairs (for --help, docs and audit).
const std::vector<NormalizationRule>& NormalizationRules();

// `source`, when given, is the whole decoded file that `input` was taken from (HtmlToText keeps
// only visible text): fixes quote their `before` text from it, so it is always what the raw
// bytes of the fix say, tags included.
NormalizedText NormalizeText(const TrackedText& input, const TrackedText* source = nullptr);

}  // namespace pledge
