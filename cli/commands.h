// The pledge subcommands. Each has a Setup* that only declares its options on the CLI11 app
// and returns the function that runs it; main.cpp registers them and maps exceptions to exit
// codes. Exit codes (documented in the README and --help):
//   0 success  1 usage error  2 fatal (database cannot be opened or migrated)
//   3 finished with quarantined files  4 another run holds the database
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace pledge::cli {

enum ExitCode { kOk = 0, kUsage = 1, kFatal = 2, kQuarantined = 3, kLocked = 4 };

using Runner = std::function<int()>;

Runner SetupIngest(CLI::App& app);
Runner SetupReprocess(CLI::App& app);
Runner SetupExtract(CLI::App& app);
Runner SetupNormalize(CLI::App& app);
Runner SetupMigrate(CLI::App& app);
Runner SetupQuery(CLI::App& app);
Runner SetupCommitments(CLI::App& app);
Runner SetupAudit(CLI::App& app);
Runner SetupSearch(CLI::App& app);
Runner SetupStats(CLI::App& app);

// Reads a whole file ("-" = stdin) for the text commands; throws UsageError naming the file.
std::string ReadTextInput(const std::string& path);

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace pledge::cli

namespace SQLite { class Database; class Statement; }

namespace pledge::cli {

// Opens an existing database for the read-only commands: migrated first if it is writable,
// then read through a connection that cannot write. A missing file is a UsageError.
SQLite::Database OpenForReading(const std::string& path);
// Prepares `sql`, lets `bind` bind it, prints the rows in `format` ("" = DefaultFormat()).
// SQLite's complaints about the SQL become UsageError (exit 1).
int RunAndPrint(SQLite::Database& db, const std::string& sql, const std::function<void(SQLite::Statement&)>& bind,
                const std::string& format);

// " AND <column> GLOB :doc" for a glob pattern, " AND instr(<column>, :doc) > 0" for a
// substring, "" when doc is empty: how every command matches a DOC argument to paths.
std::string DocFilter(const std::string& doc, const char* column);

// The options every database command shares.
void AddDbOption(CLI::App& app, std::string& db);
void AddFormatOption(CLI::App& app, std::string& format);

}  // namespace pledge::cli
