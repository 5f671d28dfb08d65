// HTML pages: any bytes read as a page never crash; the visible text's map is total and
// monotonic and stays inside the input; the text then normalizes idempotently. The scan that
// measures a page before parsing (MeasureHtml) stops just past its limit, whatever the bytes.
#include <algorithm>
#include <string_view>

#include "fuzz/invariants.h"
#include "pipeline/decode.h"
#include "pipeline/html_text.h"
#include "pipeline/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  pledge::DecodedText d = pledge::DecodeBytes(raw);
  if (!d.ok) return 0;
  // A small limit, so that fuzzed pages reach it.
  pledge::HtmlShape shape = pledge::MeasureHtml(d.text.text, 8);
  PLEDGE_FUZZ_CHECK(shape.depth <= 9 && shape.most_attributes <= 9);
  pledge::TrackedText page = pledge::HtmlToText(d.text);
  PLEDGE_FUZZ_CHECK(page.Valid());
  PLEDGE_FUZZ_CHECK(page.to_raw.back() <= size);
  pledge::NormalizedText once = pledge::NormalizeText(page, &d.text);
  PLEDGE_FUZZ_CHECK(once.text.Valid());
  // Idempotent once the rounds settled; a text they could not settle is flagged, as promised.
  bool settled = std::find(once.flags.begin(), once.flags.end(), "unsettled") == once.flags.end();
  pledge::NormalizedText twice = pledge::NormalizeText(pledge::TrackedText::Identity(once.text.text));
  PLEDGE_FUZZ_CHECK(!settled || twice.text.text == once.text.text);
  return 0;
}
