// Extract: a sentence of normalized text → every quantity in it, parsed exactly.
//
// Contract:
//   ExtractQuantities(sentence) finds numbers (Arabic, Chinese, financial, mixed, fractions,
//   ranges, vague amounts), the unit after them and the bound words around them, and returns
//   one Quantity per quantitative statement with kind, value/low/high in canonical units,
//   bound, modality and period (see quantity.h for the field contract). Spans are byte offsets
//   into `sentence`, ordered, non-overlapping. Ordinals (第一), names (十八大, 十四五, 一带一路),
//   idioms (千载难逢, 成千成万), quoted codes (“4050”) and article-like 一个 are not quantities.
//   Every pattern is RE2, compiled once; the whole scan is linear in the sentence length.
//   Thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "extractors/quantity.h"

namespace pledge {

// `context`: the section headings and title around the sentence (Sentence::context), used
// only to decide the modality of sentences that have no modal word.
std::vector<Quantity> ExtractQuantities(std::string_view sentence, std::string_view context = {});

// A number recognised in text, with no unit attached: for conformance tests and callers that
// want only the numbers (value is nullopt for ranges; low/high carry them).
struct NumberMention {
  uint32_t start = 0, end = 0;
  std::optional<double> value, low, high;
  bool percent = false;  // 百分之三十, 30%, 三成: value is in percent
};
std::vector<NumberMention> FindNumbers(std::string_view text);

}  // namespace pledge
