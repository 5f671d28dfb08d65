// pledge: Chinese policy documents → a SQLite database of quantitative commitments.
// This file only registers subcommands and maps failures to exit codes (see commands.h).
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <iostream>

#include "cli/commands.h"
#include "pipeline/process_document.h"
#include "schema/migrations.h"

int main(int argc, char** argv) {
  using namespace pledge::cli;
  CLI::App app{"pledge: turns messy Chinese policy documents into a SQLite database of quantitative commitments"};
  app.set_version_flag("--version", std::string("pledge ") + PLEDGE_PIPELINE_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success; 1 usage error; 2 fatal (database cannot be opened or migrated);\n"
      "            3 finished with quarantined files; 4 another run holds the database.");

  std::vector<std::pair<CLI::App*, Runner>> commands;
  auto add = [&](const char* name, const char* about, Runner (*setup)(CLI::App&)) {
    CLI::App* sub = app.add_subcommand(name, about);
    commands.emplace_back(sub, setup(*sub));
  };
  add("ingest", "Load files and directories into the database (incremental, crash-safe)", SetupIngest);
  add("reprocess", "Re-derive every stored document from its stored raw bytes", SetupReprocess);
  add("extract", "Print the commitments of files (or stdin) as JSON lines", SetupExtract);
  add("normalize", "Print normalized text, or with --events the fixes as JSON lines", SetupNormalize);
  add("migrate", "Create or upgrade the database schema", SetupMigrate);
  add("query", "Run read-only SQL and print the result", SetupQuery);
  add("commitments", "List commitments with everyday filters", SetupCommitments);
  add("audit", "Show the normalization fixes of documents, per rule, or as a diff", SetupAudit);
  add("search", "Full-text search over sentences, with their commitments", SetupSearch);
  add("stats", "Documents by status, commitments by kind and modality, the last runs", SetupStats);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }
  try {
    for (auto& [sub, run] : commands)
      if (sub->parsed()) return run();
  } catch (const UsageError& e) {
    std::cerr << "pledge: " << e.what() << "\n";
    return kUsage;
  } catch (const pledge::SchemaError& e) {
    std::cerr << "pledge: " << e.what() << "\n";
    return kFatal;
  } catch (const SQLite::Exception& e) {
    std::cerr << "pledge: database error: " << e.what() << "\n";
    return kFatal;
  } catch (const std::exception& e) {
    std::cerr << "pledge: fatal: " << e.what() << "\n";
    return kFatal;
  }
  return kUsage;
}
