// An ingest run: collect → read → process (in parallel) → save (one writer), with counts.
//
// Contract:
//   RunIngest(db, options) records a `runs` row, processes every collected file whose sha256
//   or pipeline version differs from what is stored, and saves each document in its own
//   transaction, in sorted path order whatever --jobs is (so results do not depend on it).
//   Unchanged files are counted and skipped. Per-file problems (unreadable, too large, binary,
//   undecodable…) are quarantined with a reason and never stop the run; database failures
//   throw. Memory is bounded by the window of documents in flight, not by the corpus.
//   ReprocessAll re-derives every stored document from its stored raw bytes.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "pipeline/collect_inputs.h"
#include "schema/document_store.h"

namespace pledge {

struct IngestOptions {
  std::vector<std::string> paths;
  CollectOptions collect;
  uint64_t max_bytes = 50ull * 1024 * 1024;
  unsigned jobs = 1;
  bool prune = false;
  bool progress = false;  // a progress line on stderr (only when it is a terminal)
};

struct IngestSummary {
  int64_t run_id = 0;
  RunCounts counts;
  int64_t pruned = 0;
  uint64_t bytes = 0;  // bytes read and processed
  double seconds = 0;
  std::map<std::string, int64_t> commitments_by_kind;
  std::vector<std::pair<std::string, std::string>> quarantined;  // path, reason
};

IngestSummary RunIngest(SQLite::Database& db, const IngestOptions& options);
IngestSummary ReprocessAll(SQLite::Database& db, unsigned jobs, bool progress);

// The human summary printed at the end of a run.
std::string FormatSummary(const IngestSummary& summary, const std::string& verb);

}  // namespace pledge
