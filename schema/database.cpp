#include "schema/database.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "schema/migrations.h"

namespace pledge {

SQLite::Database OpenDatabase(const std::string& path, OpenMode mode, int busy_timeout_ms) {
  if (mode == OpenMode::ReadOnly) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
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
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.setBusyTimeout(busy_timeout_ms);
  db.exec("PRAGMA foreign_keys = ON");
  ApplyMigrations(db);  // first: a database we must refuse is not touched, not even its journal mode
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  return db;
}

}  // namespace pledge
