#include "schema/migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include "pipeline/read_file.h"

#include <map>

namespace pledge {

namespace {

std::string Label(int version, const std::string& name) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%03d", version);
  return std::string(buf) + "_" + name;
}

}  // namespace

MigrationReport ApplyMigrations(SQLite::Database& db, const std::vector<Migration>& migrations) {
  db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,"
      " applied_at TEXT NOT NULL)");

  std::map<int, const Migration*> known;
  for (const auto& m : migrations) known[m.version] = &m;

  // Verify everything recorded before changing anything.
  std::map<int, std::string> recorded;
  {
    SQLite::Statement query(db, "SELECT version, name, checksum FROM schema_migrations ORDER BY version");
    while (query.executeStep()) {
      int version = query.getColumn(0).getInt();
      std::string name = query.getColumn(1).getString();
      std::string checksum = query.getColumn(2).getString();
      auto it = known.find(version);
      if (it == known.end())
        throw SchemaError("database has migration " + Label(version, name) +
                          ", which this pledge does not know: it was written by a newer pledge; "
                          "upgrade pledge or use another database");
      if (Sha256Hex(it->second->sql) != checksum)
        throw SchemaError("migration " + Label(version, name) +
                          " recorded in the database has a different checksum from the one in "
                          "this pledge: the schema was altered; refusing to touch the database");
      recorded[version] = checksum;
    }
  }

  MigrationReport report;
  for (const auto& [version, migration] : known) {
    if (recorded.count(version)) continue;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have applied it between our check and the write lock.
    SQLite::Statement already(db, "SELECT 1 FROM schema_migrations WHERE version = ?");
    already.bind(1, version);
    if (already.executeStep()) continue;
    db.exec(migration->sql);
    SQLite::Statement record(db,
        "INSERT INTO schema_migrations(version, name, checksum, applied_at) "
        "VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))");
    record.bind(1, version);
    record.bind(2, migration->name);
    record.bind(3, Sha256Hex(migration->sql));
    record.exec();
    transaction.commit();
    report.applied.push_back(version);
  }
  report.schema_version = known.empty() ? 0 : known.rbegin()->first;
  return report;
}

}  // namespace pledge
