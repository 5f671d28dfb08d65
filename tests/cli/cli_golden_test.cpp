// Golden CLI tests: run the binary from the source tree, compare stdout with the expected
// file byte for byte, check the exit code and that stderr is empty.
// To regenerate after an intended change: scripts/update-golden.sh (then review the diff).
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pledge;

namespace {

struct GoldenCase {
  const char* name;
  const char* args;
  const char* stdin_file;
  int exit_code;
};

const GoldenCase kCases[] = {
    {"extract", "extract tests/fixtures/cli/commitments.txt", "", 0},
    {"extract_stdin", "extract", "tests/fixtures/cli/commitments.txt", 0},
    {"normalize", "normalize tests/fixtures/cli/damaged.txt", "", 0},
    {"normalize_events", "normalize --events tests/fixtures/cli/damaged.txt", "", 0},
    {"version", "--version", "", 0},
};

}  // namespace

TEST_CASE("golden CLI outputs", "[cli][golden]") {
  for (const auto& c : kCases) {
    INFO(c.name);
    std::string stdin_path = *c.stdin_file ? test::SourcePath(c.stdin_file) : "";
    auto r = test::RunPledge(c.args, stdin_path, test::SourcePath(""));
    CHECK(r.exit_code == c.exit_code);
    CHECK(r.err.empty());
    CHECK(r.out == test::ReadBytes(test::SourcePath(std::string("tests/cli/expected/") + c.name + ".out")));
  }
}

TEST_CASE("usage errors exit 1 with a message; help exits 0", "[cli]") {
  auto bad = test::RunPledge("ingest --no-such-flag x");
  CHECK(bad.exit_code == 1);
  CHECK_FALSE(bad.err.empty());
  auto none = test::RunPledge("");
  CHECK(none.exit_code == 1);
  auto help = test::RunPledge("ingest --help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--max-bytes"));
  CHECK_THAT(help.out, Catch::Contains("Exit codes"));
  auto missing = test::RunPledge("extract /no/such/file.txt");
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("/no/such/file.txt"));
}

TEST_CASE("extract reports a bad file by name and goes on", "[cli]") {
  test::TempDir dir;
  test::WriteBytes(dir.Path("empty.txt"), "");
  auto r = test::RunPledge("extract '" + dir.Path("empty.txt") + "' tests/fixtures/cli/commitments.txt", "", test::SourcePath(""));
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("empty.txt: empty file"));
  CHECK(r.out == test::ReadBytes(test::SourcePath("tests/cli/expected/extract.out")));
}
