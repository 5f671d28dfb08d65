// Extract from any sentence, and from any table row under any header: spans inside the text,
// ordered, non-overlapping, their text equal to the span; ranges ordered; a table's figures
// finite; never a crash.
#include <cmath>
#include <string>

#include "extractors/extract_quantities.h"
#include "extractors/extract_table_row.h"
#include "fuzz/invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string sentence(reinterpret_cast<const char*>(data), size);
  uint32_t previous = 0;
  for (const auto& q : pledge::ExtractQuantities(sentence)) {
    PLEDGE_FUZZ_CHECK(q.start >= previous && q.start < q.end && q.end <= sentence.size());
    PLEDGE_FUZZ_CHECK(sentence.compare(q.start, q.end - q.start, q.text) == 0);
    // A value or a range; a ratio of three or more terms (5:3:2) has neither, its text has them.
    bool many_termed_ratio = q.kind == "ratio" && !q.value && !q.low && !q.high;
    PLEDGE_FUZZ_CHECK(q.value.has_value() != (q.low.has_value() && q.high.has_value()) || q.bound == "min" || many_termed_ratio);
    if (q.value) PLEDGE_FUZZ_CHECK(std::isfinite(*q.value));
    if (q.low && q.high) PLEDGE_FUZZ_CHECK(*q.low <= *q.high);
    previous = q.end;
  }
  for (const auto& m : pledge::FindNumbers(sentence)) PLEDGE_FUZZ_CHECK(m.start < m.end && m.end <= sentence.size());
  // The same bytes as a table row, its first line the header: spans are cells of the row.
  size_t nl = sentence.find('\n');
  std::string header = nl == std::string::npos ? std::string() : sentence.substr(0, nl);
  std::string row = nl == std::string::npos ? sentence : sentence.substr(nl + 1);
  previous = 0;
  for (const auto& q : pledge::ExtractTableRow(row, header)) {
    PLEDGE_FUZZ_CHECK(q.start >= previous && q.start < q.end && q.end <= row.size());
    PLEDGE_FUZZ_CHECK(row.compare(q.start, q.end - q.start, q.text) == 0);
    // A figure cell has a finite value; a cell of text gives what a sentence gives (a range too).
    bool many_termed_ratio = q.kind == "ratio" && !q.value && !q.low && !q.high;
    PLEDGE_FUZZ_CHECK(q.value.has_value() != (q.low.has_value() && q.high.has_value()) || q.bound == "min" || many_termed_ratio);
    if (q.value) PLEDGE_FUZZ_CHECK(std::isfinite(*q.value));
    if (q.low && q.high) PLEDGE_FUZZ_CHECK(*q.low <= *q.high);
    previous = q.end;
  }
  return 0;
}
