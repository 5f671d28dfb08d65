#include <unistd.h>

#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "ingest/event_log.h"
#include "ingest/ingest_run.h"
#include "ingest/run_lock.h"
#include "schema/database.h"

namespace pledge::cli {
namespace {

struct IngestArgs {
  std::string db = "pledge.db";
  std::vector<std::string> paths;
  std::vector<std::string> include, exclude;
  uint64_t max_bytes = 50ull * 1000 * 1000;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  double wait = 0;
  bool prune = false, log_json = false, quiet = false;
};

// Runs `body` holding the database's writer lock; exit code 4 when another run holds it.
template <typename Body>
int WithWriterLock(const std::string& db, double wait, Body body) {
  auto lock = RunLock::Acquire(db, wait);
  if (!lock) {
    std::cerr << "pledge: another pledge run holds " << db << " (waited " << wait << " s); try again later or use --wait\n";
    return kLocked;
  }
  return body();
}

}  // namespace

Runner SetupIngest(CLI::App& app) {
  auto a = std::make_shared<IngestArgs>();
  AddDbOption(app, a->db);
  app.add_option("paths", a->paths, "Files and directories (recursively); - reads a list of paths from stdin")->required();
  app.add_option("--include", a->include, "Glob of file names to take from directories (default: *.txt *.htm *.html *.md)");
  app.add_option("--exclude", a->exclude, "Glob of file names to leave out");
  app.add_option("--max-bytes", a->max_bytes, "Quarantine files larger than this")->capture_default_str();
  app.add_option("--jobs,-j", a->jobs, "Documents processed in parallel (one writer)")->capture_default_str()->check(CLI::Range(1u, 256u));
  app.add_option("--wait", a->wait, "Seconds to wait for another run holding the database")->capture_default_str();
  app.add_flag("--prune", a->prune, "Delete documents under the given directories whose files are gone");
  app.add_flag("--log-json", a->log_json, "Log one JSON object per event on stderr");
  app.add_flag("--quiet,-q", a->quiet, "Log warnings only");
  app.footer("Exit codes: 0 all loaded or unchanged; 1 usage error; 2 fatal (database); 3 finished with quarantined files; 4 another run holds the database.");
  return [a] {
    EventLog::Configure(a->log_json, a->quiet ? spdlog::level::warn : spdlog::level::info);
    IngestOptions options;
    for (const auto& p : a->paths) {
      if (p != "-") { options.paths.push_back(p); continue; }
      for (std::string line; std::getline(std::cin, line);)
        if (!line.empty()) options.paths.push_back(line);
    }
    if (!a->include.empty()) options.collect.include = a->include;
    options.collect.exclude = a->exclude;
    options.max_bytes = a->max_bytes;
    options.jobs = a->jobs;
    options.prune = a->prune;
    options.progress = isatty(STDERR_FILENO) && !a->log_json;
    return WithWriterLock(a->db, a->wait, [&] {
      auto db = OpenDatabase(a->db);
      IngestSummary summary = RunIngest(db, options);
      std::cout << FormatSummary(summary, "ingest");
      return summary.counts.files_quarantined > 0 ? static_cast<int>(kQuarantined) : static_cast<int>(kOk);
    });
  };
}

Runner SetupReprocess(CLI::App& app) {
  auto a = std::make_shared<IngestArgs>();
  AddDbOption(app, a->db);
  app.add_option("--jobs,-j", a->jobs, "Documents processed in parallel")->capture_default_str()->check(CLI::Range(1u, 256u));
  app.add_option("--wait", a->wait, "Seconds to wait for another run holding the database")->capture_default_str();
  app.add_flag("--log-json", a->log_json, "Log one JSON object per event on stderr");
  app.add_flag("--quiet,-q", a->quiet, "Log warnings only");
  return [a] {
    EventLog::Configure(a->log_json, a->quiet ? spdlog::level::warn : spdlog::level::info);
    return WithWriterLock(a->db, a->wait, [&] {
      auto db = OpenDatabase(a->db);
      IngestSummary summary = ReprocessAll(db, a->jobs, isatty(STDERR_FILENO) && !a->log_json);
      std::cout << FormatSummary(summary, "reprocess");
      return summary.counts.files_quarantined > 0 ? static_cast<int>(kQuarantined) : static_cast<int>(kOk);
    });
  };
}

}  // namespace pledge::cli
