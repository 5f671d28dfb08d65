// Decode any bytes: never crash; on success the map is total, monotonic and inside the input.
#include <string_view>

#include "fuzz/invariants.h"
#include "pipeline/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  pledge::DecodedText d = pledge::DecodeBytes(raw);
  if (!d.ok) {
    PLEDGE_FUZZ_CHECK(!d.error.empty());
    return 0;
  }
  PLEDGE_FUZZ_CHECK(d.text.Valid());
  PLEDGE_FUZZ_CHECK(d.text.to_raw.back() == size);
  for (auto offset : d.text.to_raw) PLEDGE_FUZZ_CHECK(offset <= size);
  return 0;
}
