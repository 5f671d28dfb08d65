// Normalize any text: offsets in bounds and monotonic, fixes inside both texts, and
// normalization idempotent (its output normalizes to itself).
#include <algorithm>
#include <string_view>

#include "fuzz/invariants.h"
#include "pipeline/decode.h"
#include "pipeline/normalize.h"
#include "pipeline/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  pledge::DecodedText d = pledge::DecodeBytes(raw);
  if (!d.ok) return 0;
  pledge::NormalizedText n = pledge::NormalizeText(d.text);
  PLEDGE_FUZZ_CHECK(n.text.Valid());
  PLEDGE_FUZZ_CHECK(n.text.to_raw.back() <= size);
  for (const auto& f : n.fixes) {
    PLEDGE_FUZZ_CHECK(f.raw_start <= f.raw_end && f.raw_end <= size);
    PLEDGE_FUZZ_CHECK(f.norm_start <= f.norm_end && f.norm_end <= n.text.text.size());
  }
  // Idempotent once the rounds settled; a text they could not settle is flagged, as promised.
  bool settled = std::find(n.flags.begin(), n.flags.end(), "unsettled") == n.flags.end();
  pledge::NormalizedText again = pledge::NormalizeText(pledge::TrackedText::Identity(n.text.text));
  PLEDGE_FUZZ_CHECK(!settled || again.text.text == n.text.text);
  uint32_t previous = 0;
  for (const auto& s : pledge::SegmentText(n.text.text)) {
    PLEDGE_FUZZ_CHECK(s.start >= previous && s.start < s.end && s.end <= n.text.text.size());
    previous = s.end;
  }
  return 0;
}
