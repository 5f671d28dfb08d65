// TrackedText: UTF-8 text that remembers where every byte came from in the raw file.
//
// Contract (after sentencepiece's norm_to_orig):
//   to_raw.size() == text.size() + 1. to_raw[i] is the raw-file byte offset where the source
//   span of text byte i begins; the last entry closes the vector (the raw end). The map is
//   monotonic (non-decreasing), so a text span [b, e) came from raw bytes [to_raw[b], to_raw[e]).
//   Every stage that rewrites text does it through ApplyEdits, which keeps the map exact:
//   unchanged bytes keep their entries, the bytes of a replacement all map to the start of the
//   span they replace, and deletions add no entry.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pledge {

using RawOffset = uint32_t;

struct TrackedText {
  std::string text;
  std::vector<RawOffset> to_raw;

  // Identity map: text is the raw bytes themselves.
  static TrackedText Identity(std::string text);

  RawOffset RawStart(size_t text_offset) const { return to_raw[text_offset]; }
  bool Valid() const;  // size and monotonicity invariants
};

// One replacement of text bytes [start, end) (offsets into the input text) by `replacement`.
// A pure insertion (start == end) is not allowed: every new byte must own a source span.
struct Edit {
  uint32_t start;
  uint32_t end;
  std::string replacement;
};

// Applies edits, which must be sorted by start and must not overlap. Returns the new text with
// its map composed onto the input's map.
TrackedText ApplyEdits(const TrackedText& input, const std::vector<Edit>& edits);
// The same into `out`, reusing its buffers (a caller applying pass after pass swaps two).
void ApplyEdits(const TrackedText& input, const std::vector<Edit>& edits, TrackedText& out);

}  // namespace pledge
