// pledge query / pledge commitments: read-only SQL and the everyday filters over v_commitments.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>

#include <charconv>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "cli/result_table.h"
#include "schema/database.h"

namespace pledge::cli {

SQLite::Database OpenForReading(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) throw UsageError(path + ": no such database (run pledge ingest first)");
  // Bring an older database up to date first (every command migrates), then read it through a
  // connection that cannot write.
  if (access(path.c_str(), W_OK) == 0) OpenDatabase(path, OpenMode::ReadWrite);
  return OpenDatabase(path, OpenMode::ReadOnly);
}

int RunAndPrint(SQLite::Database& db, const std::string& sql,
                const std::function<void(SQLite::Statement&)>& bind, const std::string& format) {
  ResultSet result;
  try {
    SQLite::Statement statement(db, sql);
    bind(statement);
    result = ReadResult(statement);
  } catch (const SQLite::Exception& e) {
    throw UsageError(std::string("query failed: ") + e.what());
  }
  PrintResult(result, format.empty() ? DefaultFormat() : format, std::cout);
  return kOk;
}

std::string DocFilter(const std::string& doc, const char* column) {
  if (doc.empty()) return "";
  bool glob = doc.find_first_of("*?[") != std::string::npos;
  return glob ? std::string(" AND ") + column + " GLOB :doc" : std::string(" AND instr(") + column + ", :doc) > 0";
}

void AddDbOption(CLI::App& app, std::string& db) {
  app.add_option("--db", db, "SQLite database file")->capture_default_str();
}

void AddFormatOption(CLI::App& app, std::string& format) {
  app.add_option("--format,-f", format, "table | csv | json | jsonl (default: table on a terminal, jsonl otherwise)")
      ->check(CLI::IsMember(Formats()));
}

namespace {

struct QueryArgs {
  std::string db = "pledge.db", sql, format;
  std::vector<std::string> params;
};

// A run id as --run takes it: digits that fit a row id (99999999999999999999 does not).
std::optional<int64_t> RunIdOf(const std::string& text) {
  int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id < 0) return std::nullopt;
  return id;
}

struct CommitmentArgs {
  std::string db = "pledge.db", kind, modality, unit, doc, text, format, run;
  std::optional<double> min, max;
  std::optional<int64_t> since_run;
};

}  // namespace

Runner SetupQuery(CLI::App& app) {
  auto a = std::make_shared<QueryArgs>();
  AddDbOption(app, a->db);
  AddFormatOption(app, a->format);
  app.add_option("--param,-p", a->params, "name=value, bound to :name (or @name, $name) in the SQL; repeat for more")
      ->allow_extra_args(false);
  app.add_option("sql", a->sql, "Any read-only SQL; the database is opened read-only")->required();
  return [a] {
    auto db = OpenForReading(a->db);
    return RunAndPrint(db, a->sql, [&](SQLite::Statement& st) {
      for (const auto& p : a->params) {
        size_t eq = p.find('=');
        if (eq == std::string::npos || eq == 0) throw UsageError("--param wants name=value, got '" + p + "'");
        std::string name = p.substr(0, eq), value = p.substr(eq + 1);
        int index = 0;
        for (const char* prefix : {":", "@", "$"})
          if (!index) index = st.getIndex((prefix + name).c_str());
        if (!index) throw UsageError("the query has no parameter :" + name);
        st.bind(index, value);
      }
    }, a->format);
  };
}

Runner SetupCommitments(CLI::App& app) {
  auto a = std::make_shared<CommitmentArgs>();
  AddDbOption(app, a->db);
  app.add_option("--kind", a->kind, "money | duration | percent | year | count | area | measure | multiple | ratio");
  app.add_option("--modality", a->modality, "obligation | target | achievement | condition");
  app.add_option("--min", a->min, "value (or upper end of a range) at least this, in canonical units (yuan, days …)");
  app.add_option("--max", a->max, "value (or lower end of a range) at most this");
  app.add_option("--unit", a->unit, "canonical unit: CNY, day, month, year, percent, pp, mu, km …");
  app.add_option("--doc", a->doc, "document path: a glob (*seed*) or a substring");
  app.add_option("--text", a->text, "substring of the commitment or its sentence");
  app.add_option("--run", a->run,
                 "only documents (re)loaded by this run: a run id, or 'last' for the latest run that ended "
                 "(what the nightly job changed)")
      ->check([](const std::string& v) {
        if (v == "last" || RunIdOf(v)) return std::string();
        return std::string("--run wants a run id or 'last', got '" + v + "'");
      });
  app.add_option("--since-run", a->since_run, "only documents (re)loaded by runs after this run id");
  AddFormatOption(app, a->format);
  return [a] {
    std::string sql =
        "SELECT id, path, section, kind, text, value, low, high, unit, bound, modality, period, sentence "
        "FROM v_commitments WHERE 1 = 1";
    if (!a->kind.empty()) sql += " AND kind = :kind";
    if (!a->modality.empty()) sql += " AND modality = :modality";
    if (!a->unit.empty()) sql += " AND unit = :unit";
    if (a->min) sql += " AND coalesce(value, high) >= :min";
    if (a->max) sql += " AND coalesce(value, low) <= :max";
    sql += DocFilter(a->doc, "path");
    if (!a->text.empty()) sql += " AND (instr(text, :text) > 0 OR instr(sentence, :text) > 0)";
    // documents.run_id is the run that last (re)loaded the document: its commitments are what
    // that run changed. 'last' is the latest run that ended, whatever it loaded.
    if (a->run == "last")
      sql += " AND document_id IN (SELECT id FROM documents WHERE run_id = "
             "(SELECT max(id) FROM runs WHERE status <> 'running'))";
    else if (!a->run.empty())
      sql += " AND document_id IN (SELECT id FROM documents WHERE run_id = :run)";
    if (a->since_run) sql += " AND document_id IN (SELECT id FROM documents WHERE run_id > :since_run)";
    sql += " ORDER BY path, raw_start, id";
    auto db = OpenForReading(a->db);
    return RunAndPrint(db, sql, [&](SQLite::Statement& st) {
      if (!a->kind.empty()) st.bind(":kind", a->kind);
      if (!a->modality.empty()) st.bind(":modality", a->modality);
      if (!a->unit.empty()) st.bind(":unit", a->unit);
      if (a->min) st.bind(":min", *a->min);
      if (a->max) st.bind(":max", *a->max);
      if (!a->doc.empty()) st.bind(":doc", a->doc);
      if (!a->text.empty()) st.bind(":text", a->text);
      if (!a->run.empty() && a->run != "last") st.bind(":run", *RunIdOf(a->run));
      if (a->since_run) st.bind(":since_run", *a->since_run);
    }, a->format);
  };
}

}  // namespace pledge::cli
