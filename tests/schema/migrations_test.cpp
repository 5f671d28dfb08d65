#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "schema/database.h"
#include "schema/migrations.h"
#include "pipeline/read_file.h"
#include "test_support.h"

using namespace pledge;

namespace {

int Count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt(); }

}  // namespace

TEST_CASE("a fresh database gets every migration, recorded with its checksum", "[schema]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  auto report = ApplyMigrations(db);
  CHECK(report.applied.size() == EmbeddedMigrations().size());
  CHECK(report.schema_version == EmbeddedMigrations().back().version);
  for (const char* table : {"runs", "documents", "normalization_events", "sentences", "commitments", "schema_migrations"})
    CHECK(db.tableExists(table));
  CHECK(Count(db, "SELECT count(*) FROM sqlite_master WHERE type='view' AND name='v_commitments'") == 1);
  SQLite::Statement rows(db, "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version");
  size_t i = 0;
  while (rows.executeStep()) {
    const Migration& m = EmbeddedMigrations().at(i++);
    CHECK(rows.getColumn(0).getInt() == m.version);
    CHECK(rows.getColumn(1).getString() == m.name);
    CHECK(rows.getColumn(2).getString() == Sha256Hex(m.sql));
    CHECK_FALSE(rows.getColumn(3).getString().empty());
  }
  CHECK(i == EmbeddedMigrations().size());
  // The v1 contract: every column the issue names is there.
  for (auto [table, columns] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"runs", {"id", "started_at", "finished_at", "status", "pipeline_version", "files_seen", "files_loaded",
                     "files_unchanged", "files_quarantined", "commitments"}},
           {"documents", {"id", "path", "sha256", "bytes", "encoding", "raw", "normalized_text", "title", "source_site",
                          "author", "published_at", "status", "error", "pipeline_version", "run_id", "loaded_at"}},
           {"normalization_events", {"id", "document_id", "seq", "rule", "raw_start", "raw_end", "norm_start", "norm_end",
                                     "before", "after"}},
           {"sentences", {"id", "document_id", "seq", "section", "raw_start", "raw_end", "norm_start", "norm_end", "text"}},
           {"commitments", {"id", "document_id", "sentence_id", "kind", "text", "value", "low", "high", "unit", "bound",
                            "modality", "period", "raw_start", "raw_end", "norm_start", "norm_end"}}}) {
    for (const auto& column : columns) {
      INFO(table << "." << column);
      CHECK(Count(db, "SELECT count(*) FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'") == 1);
    }
  }
}

TEST_CASE("migration 7 puts sentences the search index missed into it", "[schema]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  std::vector<Migration> up_to_6;
  for (const auto& m : EmbeddedMigrations())
    if (m.version <= 6) up_to_6.push_back(m);
  ApplyMigrations(db, up_to_6);
  // The state the old writer left: sentences under ids the index had already passed.
  db.exec("INSERT INTO documents(id, path, status, pipeline_version, loaded_at) VALUES (1, 'a.txt', 'loaded', 'x', 'now')");
  db.exec("INSERT INTO sentences(id, document_id, seq, raw_start, raw_end, norm_start, norm_end, text) VALUES "
          "(1, 1, 0, 0, 1, 0, 1, '全县投入五亿元养护乡村道路'), (2, 1, 1, 1, 2, 1, 2, '资金来源和监督办法')");
  db.exec("UPDATE search_index_progress SET last_sentence_id = 5");
  CHECK(Count(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '乡村道路'") == 0);
  auto report = ApplyMigrations(db);
  REQUIRE(report.applied.size() == EmbeddedMigrations().size() - up_to_6.size());
  CHECK(Count(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '乡村道路'") == 1);
  CHECK(Count(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '监督办法'") == 1);
  CHECK(Count(db, "SELECT last_sentence_id FROM search_index_progress") == 2);
  CHECK_NOTHROW(db.exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)"));
}

TEST_CASE("the unchanged check reads an index, not the rows with their text", "[schema]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  ApplyMigrations(db);
  // The query ingest runs over every document at the start of each run (ingest/ingest_run.cpp).
  SQLite::Statement plan(db, "EXPLAIN QUERY PLAN SELECT path, sha256, pipeline_version, status FROM documents");
  std::string details;
  while (plan.executeStep()) details += plan.getColumn(3).getString() + "\n";
  CHECK_THAT(details, Catch::Contains("COVERING INDEX documents_unchanged_check"));
}

TEST_CASE("re-opening applies nothing", "[schema]") {
  test::TempDir dir;
  std::string path = dir.Path("p.db");
  { auto db = OpenDatabase(path); }
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  CHECK(ApplyMigrations(db).applied.empty());
}

TEST_CASE("an altered or newer database is refused and left untouched", "[schema]") {
  test::TempDir dir;
  std::string path = dir.Path("p.db");
  { auto db = OpenDatabase(path); }

  SECTION("changed checksum") {
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE);
      db.exec("UPDATE schema_migrations SET checksum = 'x' WHERE version = 1");
    }
    std::string before = test::ReadBytes(path);
    try {
      OpenDatabase(path);
      FAIL("an altered migration must be refused");
    } catch (const SchemaError& e) {
      CHECK_THAT(e.what(), Catch::Contains("001_initial"));
      CHECK_THAT(e.what(), Catch::Contains("checksum"));
    }
    CHECK(test::ReadBytes(path) == before);
    auto cli = test::RunPledge("migrate --db '" + path + "'");
    CHECK(cli.exit_code == 2);
    CHECK_THAT(cli.err, Catch::Contains("001_initial"));
  }
  SECTION("migration from a newer pledge") {
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE);
      db.exec("INSERT INTO schema_migrations VALUES (999, 'future', 'abc', '2030-01-01')");
    }
    try {
      OpenDatabase(path);
      FAIL("a newer database must be refused");
    } catch (const SchemaError& e) {
      CHECK_THAT(e.what(), Catch::Contains("999_future"));
    }
    auto cli = test::RunPledge("ingest --db '" + path + "' " + test::SourcePath("samples"));
    CHECK(cli.exit_code == 2);
    CHECK_THAT(cli.err, Catch::Contains("999_future"));
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(Count(db, "SELECT count(*) FROM documents") == 0);
  }
}
