// Golden CLI tests: run the binary from the source tree, compare stdout with the expected
// file byte for byte, check the exit code and that stderr is empty.
// To regenerate after an intended change: scripts/update-golden.sh (then review the diff).
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sstream>

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

TEST_CASE("golden outputs of the query commands on the samples database", "[cli][golden][query]") {
  test::TempDir dir;
  std::string db = dir.Path("golden.db");
  REQUIRE(test::RunPledge("ingest -q --db '" + db + "' samples/", "", test::SourcePath("")).exit_code == 0);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"commitments_money_table", "commitments --kind money --min 1e8 -f table"},
      {"commitments_days", "commitments --kind duration --unit day --modality obligation -f jsonl"},
      {"commitments_ratios", "commitments --kind ratio -f csv"},
      {"query_percent", "query -f csv -p kind=percent \"SELECT path, text, value, bound FROM v_commitments WHERE kind = :kind ORDER BY path, raw_start\""},
      {"query_rules", "query -f json \"SELECT rule, count(*) AS fixes FROM v_audit GROUP BY rule ORDER BY rule\""},
      {"search", "search -f jsonl 招商引资"},
      {"search_short", "search -f jsonl 亩"},
      {"audit_url", "audit -f jsonl --rule url_entity seed"},
      {"audit_stats", "audit -f csv --stats"},
      {"audit_diff", "audit --diff county_notice"},
  };
  for (const auto& [name, args] : cases) {
    INFO(name);
    auto r = test::RunPledge(args + " --db '" + db + "'", "", test::SourcePath(""));
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == test::ReadBytes(test::SourcePath("tests/cli/expected/" + name + ".out")));
  }
  // stats: its runs table holds timestamps, so check its shape rather than its bytes.
  auto stats = test::RunPledge("stats -f table --db '" + db + "'");
  CHECK(stats.exit_code == 0);
  for (const char* section : {"## documents by status", "## commitments by kind", "## commitments by modality", "## last runs"})
    CHECK_THAT(stats.out, Catch::Contains(section));
  size_t samples = 0;  // every file in samples/ loads
  for (const auto& e : std::filesystem::directory_iterator(test::SourcePath("samples"))) samples += e.is_regular_file();
  CHECK_THAT(stats.out, Catch::Contains("loaded  " + std::to_string(samples) + " "));
  auto json = test::RunPledge("stats -f json --db '" + db + "'");
  CHECK_THAT(json.out, Catch::Contains("\"commitments by kind\""));
}

TEST_CASE("query is read-only and reports SQLite's message", "[cli][query]") {
  test::TempDir dir;
  std::string db = dir.Path("p.db");
  REQUIRE(test::RunPledge("ingest -q --db '" + db + "' samples/gbk_rural_plan.txt", "", test::SourcePath("")).exit_code == 0);
  auto write = test::RunPledge("query --db '" + db + "' \"DELETE FROM documents\"");
  CHECK(write.exit_code == 1);
  CHECK_THAT(write.err, Catch::Contains("readonly"));
  auto bad = test::RunPledge("query --db '" + db + "' \"SELEC 1\"");
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Catch::Contains("syntax error"));
  auto missing_param = test::RunPledge("query --db '" + db + "' -p x=1 \"SELECT 1\"");
  CHECK(missing_param.exit_code == 1);
  auto no_db = test::RunPledge("query --db '" + dir.Path("none.db") + "' \"SELECT 1\"");
  CHECK(no_db.exit_code == 1);
  CHECK_THAT(no_db.err, Catch::Contains("no such database"));
  auto count = test::RunPledge("query -f jsonl --db '" + db + "' \"SELECT count(*) AS n FROM documents\"");
  CHECK(count.out == "{\"n\":1}\n");
}

TEST_CASE("commitments --run and --since-run show what a run changed", "[cli][query]") {
  test::TempDir dir;
  std::string db = dir.Path("p.db"), in = dir.Path("in");
  std::filesystem::create_directories(in);
  std::filesystem::copy(test::SourcePath("samples/gbk_rural_plan.txt"), in + "/a.txt");
  REQUIRE(test::RunPledge("ingest -q --db '" + db + "' '" + in + "'").exit_code == 0);    // run 1
  std::filesystem::copy(test::SourcePath("samples/clean_law_quotes.txt"), in + "/b.txt");
  REQUIRE(test::RunPledge("ingest -q --db '" + db + "' '" + in + "'").exit_code == 0);    // run 2: b only
  REQUIRE(test::RunPledge("ingest -q --db '" + db + "' '" + in + "'").exit_code == 0);    // run 3: nothing
  auto paths = [&](const std::string& filter) {
    auto r = test::RunPledge("commitments -f csv --db '" + db + "' " + filter);
    REQUIRE(r.exit_code == 0);
    std::set<std::string> found;
    std::istringstream lines(r.out);
    std::string line;
    std::getline(lines, line);  // header
    while (std::getline(lines, line)) found.insert(line.substr(line.find(',') + 1, line.find(".txt") + 4 - line.find(',') - 1));
    return found;
  };
  CHECK(paths("--run 1") == std::set<std::string>{in + "/a.txt"});
  CHECK(paths("--run 2") == std::set<std::string>{in + "/b.txt"});
  CHECK(paths("--run last").empty());  // the last run found nothing new
  CHECK(paths("--since-run 1") == std::set<std::string>{in + "/b.txt"});
  CHECK(paths("--since-run 0") == std::set<std::string>{in + "/a.txt", in + "/b.txt"});
  auto bad = test::RunPledge("commitments --db '" + db + "' --run yesterday");
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Catch::Contains("--run wants a run id or 'last'"));
  auto huge = test::RunPledge("commitments --db '" + db + "' --run 99999999999999999999999");  // no row id
  CHECK(huge.exit_code == 1);
  CHECK_THAT(huge.err, Catch::Contains("--run wants a run id or 'last'"));
}

TEST_CASE("table output aligns Chinese text by display width", "[cli][query]") {
  test::TempDir dir;
  std::string db = dir.Path("p.db");
  REQUIRE(test::RunPledge("ingest -q --db '" + db + "' samples/gbk_rural_plan.txt", "", test::SourcePath("")).exit_code == 0);
  auto r = test::RunPledge("query -f table --db '" + db + "' \"SELECT text, kind FROM commitments ORDER BY id LIMIT 3\"");
  // Every line has the kind column starting at the same display column.
  std::istringstream lines(r.out);
  std::vector<int> starts;
  for (std::string line; std::getline(lines, line);) {
    size_t at = line.rfind("  ");
    REQUIRE(at != std::string::npos);
    int width = 0;
    for (size_t i = 0; i < at + 2;) {
      unsigned char c = line[i];
      size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      width += len == 3 ? 2 : 1;  // the CJK here are all wide
      i += len;
    }
    starts.push_back(width);
  }
  REQUIRE(starts.size() == 5);
  for (int s : starts) CHECK(s == starts.front());
}

TEST_CASE("usage errors exit 1 with a message, help exits 0", "[cli]") {
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
