// Full-width figures: the extractors' patterns read ASCII digits, letters, % and the decimal
// point. A text that sets its figures full width (１９９８年，增长１２．５％), which normalization
// keeps as that text's typography, is read through a copy with those forms made ASCII, and the
// spans found there are mapped back to the text as given.
//
// Contract:
//   FoldFullWidthFigures(s) is nullopt when `s` holds none of ０-９ Ａ-Ｚ ａ-ｚ ％ ． ／; otherwise
//   the copy (a full-width comma as the thousands separator of such figures, ４，５６５, made
//   ASCII too), and for every byte boundary of the copy the matching boundary of `s`
//   (to_original.size() == text.size() + 1). Linear; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pledge {

struct FoldedFigures {
  std::string text;
  std::vector<uint32_t> to_original;
};

std::optional<FoldedFigures> FoldFullWidthFigures(std::string_view s);

}  // namespace pledge
