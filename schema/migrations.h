// Schema migrations: numbered SQL files from migrations/, compiled into the binary.
//
// Contract:
//   ApplyMigrations(db) brings `db` up to the newest schema this binary knows. Each pending
//   migration runs in its own transaction and is recorded in
//   schema_migrations(version, name, checksum, applied_at), checksum = sha256 of the SQL text.
//   Before touching anything it checks what the database already recorded: a version this
//   binary does not know (a newer pledge wrote it) or a recorded checksum that differs from the
//   embedded SQL (the migration was edited after release) throws SchemaError naming the
//   migration, and the database is left exactly as it was.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace SQLite { class Database; }

namespace pledge {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

// The migrations compiled into this binary, ordered by version.
const std::vector<Migration>& EmbeddedMigrations();

class SchemaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MigrationReport {
  std::vector<int> applied;   // versions applied by this call
  int schema_version = 0;     // newest version present afterwards
};

MigrationReport ApplyMigrations(SQLite::Database& db,
                                const std::vector<Migration>& migrations = EmbeddedMigrations());

}  // namespace pledge
