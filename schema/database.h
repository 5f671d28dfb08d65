// Opening a pledge database: the one place that sets connection options and migrates.
//
// Contract:
//   OpenDatabase(path, ReadWrite) creates the file if needed, turns on WAL, foreign keys and
//   a busy timeout, keeps temporary data in memory, and applies pending migrations (throws
//   SchemaError for a database it must refuse; SQLite::Exception when the file cannot be
//   opened). ReadOnly opens without creating or migrating anything and refuses writes at the
//   SQLite level (query_only), but still checks that the schema is one this binary
//   understands. A connection must be used by one thread at a time (it is opened without
//   SQLite's per-connection mutex).
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

namespace pledge {

enum class OpenMode { ReadWrite, ReadOnly };

SQLite::Database OpenDatabase(const std::string& path, OpenMode mode = OpenMode::ReadWrite, int busy_timeout_ms = 5000);

}  // namespace pledge
