#include "schema/database.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "schema/migrations.h"

namespace pledge {
namespace {

// SQLite counts every allocation under a global mutex unless told not to before it starts;
// pledge never reads those counts. Too late (SQLITE_MISUSE) when a connection was opened
// elsewhere first, which only forgoes the saving.
void ConfigureSqliteOnce() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

}  // namespace

SQLite::Database OpenDatabase(const std::string& path, OpenMode mode, int busy_timeout_ms) {
  ConfigureSqliteOnce();
  if (mode == OpenMode::ReadOnly) {
    SQLite::Database db(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
    db.setBusyTimeout(busy_timeout_ms);
    db.exec("PRAGMA query_only = ON");
    // Refuse a schema this binary does not understand, without changing anything.
    if (db.tableExists("schema_migrations")) {
      SQLite::Statement newest(db, "SELECT MAX(version) FROM schema_migrations");
      newest.executeStep();
      int known = EmbeddedMigrations().empty() ? 0 : EmbeddedMigrations().back().version;
      if (!newest.getColumn(0).isNull() && newest.getColumn(0).getInt() > known)
        throw SchemaError("database schema version " + std::to_string(newest.getColumn(0).getInt()) +
                          " is newer than this pledge knows (" + std::to_string(known) + ")");
    }
    return db;
  }
  // Each connection is used by one thread at a time (ingest's writer is the calling thread of
  // OrderedParallel), so SQLite's per-call connection mutex is pure cost.
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
  db.setBusyTimeout(busy_timeout_ms);
  db.exec("PRAGMA foreign_keys = ON");
  ApplyMigrations(db);  // first: a database we must refuse is not touched, not even its journal mode
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  // A multi-row INSERT that may fail on a constraint keeps a statement journal: the pages it
  // changes, so that it alone can be undone. On disk (the default) that was 850 MB of writes
  // to /var/tmp per 20 MB of input, more than the database and its WAL together; it is emptied
  // after each statement, so in memory it stays under a megabyte.
  db.exec("PRAGMA temp_store = MEMORY");
  // 32 MB of page cache instead of 2: a batch's index pages stay in memory rather than being
  // spilled to the WAL and read back (pread and pwrite calls per 20 MB: 134k → 57k and 204k → 131k).
  db.exec("PRAGMA cache_size = -32768");
  return db;
}

}  // namespace pledge
