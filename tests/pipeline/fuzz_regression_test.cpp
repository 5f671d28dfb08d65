// Every input the fuzzers in fuzz/ ever broke something with, kept in fuzz/regressions/ and
// run through the whole pipeline with the fuzz targets' invariants.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "extractors/chinese_number.h"
#include "extractors/extract_quantities.h"
#include "pipeline/process_document.h"
#include "test_support.h"

using namespace pledge;

TEST_CASE("fuzzer findings stay fixed", "[fuzz][regression]") {
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::SourcePath("fuzz/regressions"))) {
    ++files;
    std::string input = test::ReadBytes(entry.path().string());
    INFO(entry.path().filename().string());
    if (auto r = ParseAdjacentRange(input)) CHECK(r->first <= r->second);
    for (const auto& q : ExtractQuantities(input)) {
      CHECK(q.end <= input.size());
      if (q.low && q.high) CHECK(*q.low <= *q.high);
    }
    ProcessedDocument doc = ProcessDocument(entry.path().string(), input);
    if (doc.status == ProcessedDocument::Status::Loaded) {
      CHECK(doc.normalized.text.Valid());
      const auto& flags = doc.normalized.flags;
      bool settled = std::find(flags.begin(), flags.end(), "unsettled") == flags.end();
      // Idempotent once the rounds settled; the ones that do not are flagged, and named so.
      CHECK(settled == (entry.path().filename().string().find("unsettled") == std::string::npos));
      if (settled) CHECK(NormalizeText(TrackedText::Identity(doc.normalized.text.text)).text.text == doc.normalized.text.text);
    }
  }
  CHECK(files > 0);
}
