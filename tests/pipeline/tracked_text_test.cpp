#include <catch2/catch.hpp>

#include "pipeline/tracked_text.h"

using namespace pledge;

TEST_CASE("ApplyEdits keeps the full offset map exact", "[tracked_text]") {
  // "ab%26cd" → replace "%26" (3 bytes) with "&", delete "d".
  TrackedText in = TrackedText::Identity("ab%26cd");
  TrackedText out = ApplyEdits(in, {{2, 5, "&"}, {6, 7, ""}});
  CHECK(out.text == "ab&c");
  // One entry per output byte, plus the closing raw end.
  CHECK(out.to_raw == std::vector<RawOffset>{0, 1, 2, 5, 7});
  CHECK(out.Valid());
}

TEST_CASE("ApplyEdits composes through two passes", "[tracked_text]") {
  TrackedText first = ApplyEdits(TrackedText::Identity("x&lt;y"), {{1, 5, "<"}});
  REQUIRE(first.text == "x<y");
  TrackedText second = ApplyEdits(first, {{1, 2, "《"}});  // 3 UTF-8 bytes from one byte
  CHECK(second.text == "x《y");
  CHECK(second.to_raw == std::vector<RawOffset>{0, 1, 1, 1, 5, 6});
  // The span of 《 maps back to the whole "&lt;".
  CHECK(second.to_raw[1] == 1);
  CHECK(second.to_raw[4] == 5);
}

TEST_CASE("ApplyEdits rejects overlapping or empty edits", "[tracked_text]") {
  TrackedText in = TrackedText::Identity("abcdef");
  CHECK_THROWS_AS(ApplyEdits(in, {{1, 3, "x"}, {2, 4, "y"}}), std::logic_error);
  CHECK_THROWS_AS(ApplyEdits(in, {{2, 2, "insert"}}), std::logic_error);
  CHECK(ApplyEdits(in, {}).text == "abcdef");
}
