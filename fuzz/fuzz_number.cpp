// The number parsers on any text: no crash, finite results.
#include <cmath>
#include <string_view>

#include "extractors/chinese_number.h"
#include "fuzz/invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto v = pledge::ParseNumber(text)) PLEDGE_FUZZ_CHECK(std::isfinite(*v));
  if (auto p = pledge::ParseNumberPrefix(text)) PLEDGE_FUZZ_CHECK(std::isfinite(p->value) && p->length > 0 && p->length <= text.size());
  if (auto v = pledge::ParseFraction(text)) PLEDGE_FUZZ_CHECK(!std::isnan(*v));
  if (auto r = pledge::ParseAdjacentRange(text)) PLEDGE_FUZZ_CHECK(r->first <= r->second);
  return 0;
}
