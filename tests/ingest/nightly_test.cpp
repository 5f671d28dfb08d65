// What a nightly job needs: survive kill -9, re-derive stale documents, log machine-readably.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "pipeline/process_document.h"
#include "test_support.h"

using namespace pledge;
namespace fs = std::filesystem;

namespace {

int64_t Count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt64(); }

// A corpus of `files` distinct documents made from the seed: each copy differs in its numbers.
std::string MakeCorpus(const test::TempDir& dir, int files) {
  std::string seed = test::ReadBytes(test::SourcePath("samples/seed_qunzhongguan.txt"));
  std::string root = dir.Path("corpus");
  for (int i = 0; i < files; ++i) {
    std::string sub = root + "/d" + std::to_string(i % 10);
    fs::create_directories(sub);
    test::WriteBytes(sub + "/doc" + std::to_string(i) + ".txt",
                     seed + "\n每年投入不少于" + std::to_string(100 + i) + "万元。\n");
  }
  return root;
}

std::string Commitments(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT path, kind, text, value, raw_start, raw_end FROM v_commitments ORDER BY path, raw_start, id");
  std::ostringstream out;
  while (q.executeStep()) {
    for (int i = 0; i < q.getColumnCount(); ++i) out << q.getColumn(i).getString() << "\t";
    out << "\n";
  }
  return out.str();
}

}  // namespace

TEST_CASE("kill -9 in the middle of an ingest loses nothing and duplicates nothing", "[ingest][crash]") {
  test::TempDir dir;
  const int kFiles = 600;
  std::string corpus = MakeCorpus(dir, kFiles), db_path = dir.Path("p.db");

  // Start the ingest, wait until it has committed some documents (however slow this build is),
  // then kill it without warning.
  test::WriteBytes(dir.Path("kill.sh"),
                   "'" + std::string(PLEDGE_BINARY) + "' ingest --jobs 1 --db '" + db_path + "' '" + corpus +
                       "' >/dev/null 2>&1 &\n"
                       "pid=$!\n"
                       "for i in $(seq 1 600); do\n"
                       "  n=$(sqlite3 '" + db_path + "' 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)\n"
                       "  [ \"${n:-0}\" -ge 20 ] && break\n"
                       "  sleep 0.05\n"
                       "done\n"
                       "kill -9 $pid\n"
                       "wait $pid\n"
                       "exit 0\n");
  std::string command = "bash '" + dir.Path("kill.sh") + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  {
    SQLite::Database db(db_path, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    int64_t loaded = Count(db, "SELECT count(*) FROM documents");
    INFO("documents loaded before the kill: " << loaded);
    CHECK(loaded > 0);
    CHECK(loaded < kFiles);  // the kill landed mid-run
    CHECK(Count(db, "SELECT count(*) FROM runs WHERE status = 'running'") == 1);
    // Whole documents only: every stored document has its sentences.
    CHECK(Count(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)") == 0);
  }
  auto resumed = test::RunPledge("ingest --db '" + db_path + "' '" + corpus + "'");
  CHECK(resumed.exit_code == 0);
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  CHECK(Count(db, "SELECT count(*) FROM documents WHERE status = 'loaded'") == kFiles);
  CHECK(Count(db, "SELECT count(*) FROM runs WHERE status = 'interrupted'") == 1);
  CHECK(Count(db, "SELECT count(*) FROM runs WHERE status = 'running'") == 0);
  // The same database a run that was never killed produces.
  REQUIRE(test::RunPledge("ingest --db '" + dir.Path("clean.db") + "' '" + corpus + "'").exit_code == 0);
  CHECK(Commitments(db_path) == Commitments(dir.Path("clean.db")));
}

TEST_CASE("stale documents are re-derived, reprocess needs no source files", "[ingest][reprocess]") {
  test::TempDir dir;
  std::string db_path = dir.Path("p.db");
  fs::copy(test::SourcePath("samples"), dir.Path("in"), fs::copy_options::recursive);
  REQUIRE(test::RunPledge("ingest --db '" + db_path + "' '" + dir.Path("in") + "'").exit_code == 0);
  std::string before = Commitments(db_path);
  {
    SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE documents SET pipeline_version = '0.0.0+r0' WHERE path LIKE '%seed%'");
    db.exec("DELETE FROM commitments WHERE document_id IN (SELECT id FROM documents WHERE path LIKE '%seed%')");
  }
  auto run = test::RunPledge("ingest --db '" + db_path + "' '" + dir.Path("in") + "'");
  // Only the stale seed is processed again; the others are unchanged.
  int samples = 0;
  for (const auto& entry : fs::directory_iterator(dir.Path("in"))) samples += entry.is_regular_file() ? 1 : 0;
  REQUIRE(samples > 5);
  CHECK_THAT(run.out, Catch::Contains("1 loaded, " + std::to_string(samples - 1) + " unchanged"));
  CHECK(Commitments(db_path) == before);

  fs::remove_all(dir.Path("in"));  // reprocess works from the stored raw bytes alone
  {
    SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM commitments");
  }
  auto re = test::RunPledge("reprocess --db '" + db_path + "'");
  CHECK(re.exit_code == 0);
  CHECK_THAT(re.out, Catch::Contains(std::to_string(samples) + " loaded"));
  CHECK(Commitments(db_path) == before);
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  CHECK(Count(db, "SELECT count(*) FROM documents WHERE pipeline_version = '" + std::string(kPipelineVersion) + "'") == samples);
}

TEST_CASE("JSON logs: one object per event, and the run keeps its summary", "[ingest][log]") {
  test::TempDir dir;
  test::WriteBytes(dir.Path("empty.txt"), "");
  fs::copy(test::SourcePath("samples/gbk_rural_plan.txt"), dir.Path("plan.txt"));
  auto run = test::RunPledge("ingest --log-json --db '" + dir.Path("p.db") + "' '" + dir.Path("empty.txt") + "' '" +
                             dir.Path("plan.txt") + "'");
  CHECK(run.exit_code == 3);
  std::istringstream lines(run.err);
  std::set<std::string> events;
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    auto j = nlohmann::json::parse(line);  // throws (fails) on anything but JSON
    CHECK(j.contains("ts"));
    CHECK(j.contains("level"));
    events.insert(j["event"].get<std::string>());
    if (j["event"] == "document_quarantined") CHECK(j["reason"] == "empty file");
  }
  for (const char* e : {"run_started", "document_loaded", "document_quarantined", "run_finished"}) CHECK(events.count(e));
  SQLite::Database db(dir.Path("p.db"), SQLite::OPEN_READONLY);
  auto summary = nlohmann::json::parse(db.execAndGet("SELECT summary FROM runs").getString());
  CHECK(summary["quarantined"][0]["reason"] == "empty file");
  CHECK(summary["commitments_by_kind"]["percent"].get<int>() >= 2);
  CHECK(db.execAndGet("SELECT seconds > 0 AND bytes > 0 FROM runs").getInt() == 1);
}

TEST_CASE("a progress line on a terminal only", "[ingest][progress]") {
  test::TempDir dir;
  for (const char* name : {"gbk_rural_plan.txt", "clean_provincial_report.txt", "utf16_county_report.txt"})
    fs::copy(test::SourcePath(std::string("samples/") + name), dir.Path(name));
  fs::create_directories(dir.Path("in"));
  for (const auto& e : fs::directory_iterator(dir.Path()))
    if (e.is_regular_file()) fs::rename(e.path(), dir.Path("in/" + e.path().filename().string()));

  // Not a terminal (cron, a pipe): log lines only, no progress line redrawn with \r.
  auto quiet = test::RunPledge("ingest --db '" + dir.Path("a.db") + "' '" + dir.Path("in") + "'");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.find('\r') == std::string::npos);
  CHECK(quiet.err.find("files  ") == std::string::npos);

  // On a terminal (script(1) gives the command a pseudo-terminal): the line ends at 3/3.
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    WARN("script(1) not found; terminal progress not checked");
    return;
  }
  std::string command = "script -qec \"'" + std::string(PLEDGE_BINARY) + "' ingest --db '" + dir.Path("b.db") + "' '" +
                        dir.Path("in") + "'\" '" + dir.Path("typescript") + "' >/dev/null 2>&1 </dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  std::string typescript = test::ReadBytes(dir.Path("typescript"));
  INFO(typescript);
  CHECK(typescript.find("\r3/3 files") != std::string::npos);
  CHECK(typescript.find("MB/s") != std::string::npos);
}
