#include "ingest/ingest_run.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>

#include "ingest/event_log.h"
#include "ingest/ordered_parallel.h"
#include "pipeline/process_document.h"
#include "pipeline/read_file.h"
#include "schema/database.h"

namespace pledge {
namespace {

using Clock = std::chrono::steady_clock;

// What a worker hands the writer for one changed input.
struct WorkItem {
  uint64_t bytes = 0;
  ProcessedDocument doc;
};

class Progress {
 public:
  Progress(bool enabled, size_t total) : enabled_(enabled), total_(total), start_(Clock::now()) {}
  void Update(size_t done, uint64_t bytes) {
    if (!enabled_) return;
    auto now = Clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double mbps = seconds > 0 ? bytes / 1e6 / seconds : 0;
    double eta = done > 0 ? seconds / done * (total_ - done) : 0;
    std::fprintf(stderr, "\r%zu/%zu files  %.1f MB/s  ETA %.0fs   ", done, total_, mbps, eta);
    if (done == total_) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  size_t total_;
  Clock::time_point start_, last_{};
};

void Record(IngestSummary& summary, DocumentStore& store, const ProcessedDocument& doc, int64_t run_id) {
  store.Save(doc, run_id);
  if (doc.status == ProcessedDocument::Status::Loaded) {
    ++summary.counts.files_loaded;
    summary.counts.commitments += static_cast<int64_t>(doc.commitments.size());
    for (const auto& c : doc.commitments) ++summary.commitments_by_kind[c.quantity.kind];
    EventLog::Info("document_loaded", doc.path + ": loaded, " + std::to_string(doc.commitments.size()) + " commitments",
                   {{"path", doc.path}, {"commitments", doc.commitments.size()}, {"encoding", doc.encoding},
                    {"fixes", doc.normalized.fixes.size()}});
  } else {
    ++summary.counts.files_quarantined;
    summary.quarantined.emplace_back(doc.path, doc.error);
    EventLog::Warn("document_quarantined", doc.path + ": quarantined: " + doc.error,
                   {{"path", doc.path}, {"reason", doc.error}});
  }
}

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string SummaryJson(const IngestSummary& s) {
  nlohmann::json quarantined = nlohmann::json::array();
  for (const auto& [path, reason] : s.quarantined) quarantined.push_back({{"path", path}, {"reason", reason}});
  nlohmann::json j = {{"commitments_by_kind", s.commitments_by_kind}, {"quarantined", quarantined}, {"pruned", s.pruned},
                      {"mb_per_s", s.seconds > 0 ? s.bytes / 1e6 / s.seconds : 0.0}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

IngestSummary RunIngestBody(SQLite::Database& db, DocumentStore& store, const IngestOptions& options, int64_t& run_id);

// What the unchanged check needs of one stored document.
struct StoredDigest {
  std::string path;
  std::string sha256;
  bool current_pipeline = false;  // derived by this pipeline version
};

// Every stored document, in path order (std::string's, which is SQLite's BINARY collation; the
// index documents_unchanged_check gives that order, and the sort below only guards it).
std::vector<StoredDigest> LoadStoredDigests(SQLite::Database& db) {
  std::vector<StoredDigest> stored;
  SQLite::Statement all(db, "SELECT path, sha256, pipeline_version = ? FROM documents ORDER BY path");
  all.bind(1, kPipelineVersion);
  while (all.executeStep()) {
    StoredDigest& digest = stored.emplace_back();
    digest.path = all.getColumn(0).getString();
    digest.sha256 = all.getColumn(1).getString();
    digest.current_pipeline = all.getColumn(2).getInt() != 0;
  }
  auto by_path = [](const StoredDigest& a, const StoredDigest& b) { return a.path < b.path; };
  if (!std::is_sorted(stored.begin(), stored.end(), by_path)) std::sort(stored.begin(), stored.end(), by_path);
  return stored;
}

}  // namespace

IngestSummary RunIngest(SQLite::Database& db, const IngestOptions& options) {
  DocumentStore store(db);
  int64_t run_id = 0;
  try {
    return RunIngestBody(db, store, options, run_id);
  } catch (...) {
    // Record the failure if the database still takes writes; the exception is what matters.
    if (run_id) {
      try {
        store.AbortBatch();
        store.FinishRun(run_id, RunCounts{}, "failed");
      } catch (...) {
      }
    }
    throw;
  }
}

namespace {
IngestSummary RunIngestBody(SQLite::Database& db, DocumentStore& store, const IngestOptions& options, int64_t& run_id) {
  auto start = Clock::now();
  IngestSummary summary;
  if (int interrupted = store.MarkInterruptedRuns())
    EventLog::Warn("runs_interrupted", std::to_string(interrupted) + " earlier run(s) did not finish; marked interrupted",
                   {{"count", interrupted}});
  summary.run_id = run_id = store.BeginRun();

  // The walk over the input directories and the read of what is stored are independent: the
  // walk runs on its own thread meanwhile (together they were a fifth of an unchanged run).
  auto collecting = std::async(std::launch::async, [&] { return CollectInputs(options.paths, options.collect); });
  std::vector<StoredDigest> stored = LoadStoredDigests(db);
  std::vector<InputFile> inputs = collecting.get();
  summary.counts.files_seen = static_cast<int64_t>(inputs.size());
  EventLog::Info("run_started", "run " + std::to_string(summary.run_id) + ": " + std::to_string(inputs.size()) + " files",
                 {{"run_id", summary.run_id}, {"files", inputs.size()}, {"jobs", options.jobs}});
  // Both lists are in path order: one walk pairs each input with what is stored for its path.
  std::vector<const StoredDigest*> previous(inputs.size(), nullptr);
  for (size_t i = 0, k = 0; i < inputs.size(); ++i) {
    while (k < stored.size() && stored[k].path < inputs[i].path) ++k;
    if (k < stored.size() && stored[k].path == inputs[i].path) previous[i] = &stored[k];
  }

  Progress progress(options.progress, inputs.size());
  constexpr size_t kBatchBytes = 4 << 20;
  // Up to 16 results per job may wait for the writer (small files come fast), but never more
  // than 64 MB of them: memory stays bounded by the documents in flight.
  constexpr size_t kWindowPerJob = 16, kWaitingBudget = 64 << 20;
  size_t batch_bytes = 0;
  store.IndexNewSentences();  // catch up after a run that was killed before indexing

  // Which files are unchanged (same bytes, same pipeline) is settled first, on all jobs at once:
  // a hash is all the work such a file needs, and handing each one to the writer through the
  // ordered window cost more than hashing it (a lock and a wake-up per file: futex calls were a
  // fifth of a run over an unchanged corpus). A changed file is read again below: a read from
  // the page cache, next to processing it.
  constexpr uint64_t kChanged = UINT64_MAX;
  std::vector<uint64_t> unchanged_size(inputs.size(), kChanged);
  ParallelFor(inputs.size(), options.jobs, [&](size_t i) {
    const InputFile& input = inputs[i];
    if (!input.problem.empty()) return;
    const StoredDigest* before = previous[i];
    if (!before || !before->current_pipeline) return;
    if (auto digest = Sha256OfFile(input.path); digest && digest->sha256 == before->sha256)
      unchanged_size[i] = digest->size;
  });
  std::vector<size_t> changed;
  for (size_t i = 0; i < inputs.size(); ++i)
    if (unchanged_size[i] == kChanged) changed.push_back(i);
  // The writer records every input in order: the unchanged ones before each changed one as it
  // comes, then those after the last.
  size_t recorded = 0;
  auto record_unchanged_before = [&](size_t end) {
    for (; recorded < end; ++recorded) {
      if (unchanged_size[recorded] == kChanged) continue;
      summary.bytes += unchanged_size[recorded];
      ++summary.counts.files_unchanged;
      progress.Update(recorded + 1, summary.bytes);
    }
  };

  OrderedParallel<WorkItem>(
      changed.size(), options.jobs,
      [&](size_t k) {
        WorkItem item;
        const InputFile& input = inputs[changed[k]];
        if (!input.problem.empty()) {
          item.doc = QuarantinedDocument(input.path, "", input.problem);
          return item;
        }
        FileBytes file = ReadInput(input.path, options.max_bytes);
        if (!file.ok) {
          item.doc = QuarantinedDocument(input.path, "", file.error);
          item.doc.sha256.clear();
          return item;
        }
        item.bytes = file.bytes.size();
        item.doc = ProcessDocument(input.path, std::move(file.bytes));
        return item;
      },
      [&](size_t k, WorkItem item) {
        size_t i = changed[k];
        record_unchanged_before(i);
        recorded = i + 1;
        summary.bytes += item.bytes;
        store.BeginBatch();
        batch_bytes += item.doc.raw.size();
        Record(summary, store, item.doc, summary.run_id);
        // Commit every few MB: whole documents only, and little to redo after a kill.
        if (batch_bytes >= kBatchBytes) {
          store.EndBatch();
          batch_bytes = 0;
        }
        progress.Update(i + 1, summary.bytes);
      },
      // What a result holds while it waits: a processed document keeps its raw bytes, its text
      // with a 4-byte offset per byte, its sentences and fixes (about 8× the raw size).
      [](const WorkItem& item) { return 8 * item.doc.raw.size() + 4096; }, kWindowPerJob * options.jobs, kWaitingBudget);
  record_unchanged_before(inputs.size());
  store.EndBatch();
  store.IndexNewSentences();

  if (options.prune) {
    // Documents under the given directories whose file is gone.
    std::vector<std::string> roots;
    for (const auto& p : options.paths)
      if (std::filesystem::is_directory(p)) roots.push_back(p);
    SQLite::Statement remove(db, "DELETE FROM documents WHERE path = ?");
    for (const StoredDigest& document : stored) {
      const std::string& path = document.path;
      bool under_root = false;
      for (const auto& r : roots) under_root |= path.rfind(r, 0) == 0;
      std::error_code ec;
      if (!under_root || std::filesystem::exists(std::filesystem::symlink_status(path, ec))) continue;
      remove.reset();
      remove.bind(1, path);
      remove.exec();
      ++summary.pruned;
      EventLog::Info("document_pruned", path + ": file removed; document pruned", {{"path", path}});
    }
  }

  summary.seconds = SecondsSince(start);
  store.FinishRun(summary.run_id, summary.counts, "finished", summary.seconds, summary.bytes, SummaryJson(summary));
  EventLog::Info("run_finished", "run " + std::to_string(summary.run_id) + " finished",
                 {{"run_id", summary.run_id}, {"loaded", summary.counts.files_loaded},
                  {"unchanged", summary.counts.files_unchanged}, {"quarantined", summary.counts.files_quarantined},
                  {"commitments", summary.counts.commitments}, {"seconds", summary.seconds},
                  {"mb_per_s", summary.seconds > 0 ? summary.bytes / 1e6 / summary.seconds : 0.0}});
  return summary;
}
}  // namespace

IngestSummary ReprocessAll(SQLite::Database& db, unsigned jobs, bool show_progress) {
  auto start = Clock::now();
  DocumentStore store(db);
  IngestSummary summary;
  store.MarkInterruptedRuns();
  summary.run_id = store.BeginRun();
  std::vector<std::string> paths;
  {
    SQLite::Statement all(db, "SELECT path FROM documents WHERE raw IS NOT NULL AND length(raw) > 0 ORDER BY path");
    while (all.executeStep()) paths.push_back(all.getColumn(0).getString());
  }
  summary.counts.files_seen = static_cast<int64_t>(paths.size());
  Progress progress(show_progress, paths.size());
  // Workers fetch raw bytes through a connection of their own (the writer's is used by this
  // thread only), one at a time through one statement; processing runs in parallel. A path is
  // read before its document is replaced, so the reader never needs the writer's changes.
  SQLite::Database reader = OpenDatabase(db.getFilename(), OpenMode::ReadOnly);
  SQLite::Statement raw_of(reader, "SELECT raw FROM documents WHERE path = ?");
  std::mutex raw_mutex;
  std::atomic<uint64_t> bytes{0};
  OrderedParallel<ProcessedDocument>(
      paths.size(), jobs,
      [&](size_t i) {
        std::unique_lock lock(raw_mutex);
        raw_of.reset();
        raw_of.bind(1, paths[i]);
        std::string raw;
        if (raw_of.executeStep()) {
          auto col = raw_of.getColumn(0);
          raw.assign(static_cast<const char*>(col.getBlob()), col.getBytes());
        }
        raw_of.reset();
        lock.unlock();
        bytes += raw.size();
        return ProcessDocument(paths[i], std::move(raw));
      },
      [&](size_t i, ProcessedDocument doc) {
        store.BeginBatch();
        Record(summary, store, doc, summary.run_id);
        if ((i + 1) % 64 == 0) store.EndBatch();
        progress.Update(i + 1, bytes.load());
      });
  store.EndBatch();
  store.IndexNewSentences();
  summary.bytes = bytes.load();
  summary.seconds = SecondsSince(start);
  store.FinishRun(summary.run_id, summary.counts, "finished", summary.seconds, summary.bytes, SummaryJson(summary));
  return summary;
}

std::string FormatSummary(const IngestSummary& s, const std::string& verb) {
  char line[256];
  double mbps = s.seconds > 0 ? s.bytes / 1e6 / s.seconds : 0;
  std::snprintf(line, sizeof line,
                "%s: %lld files seen, %lld loaded, %lld unchanged, %lld quarantined; %lld commitments; %.2f s, %.1f MB/s\n",
                verb.c_str(), static_cast<long long>(s.counts.files_seen), static_cast<long long>(s.counts.files_loaded),
                static_cast<long long>(s.counts.files_unchanged), static_cast<long long>(s.counts.files_quarantined),
                static_cast<long long>(s.counts.commitments), s.seconds, mbps);
  std::string out = line;
  if (!s.commitments_by_kind.empty()) {
    out += "commitments by kind:";
    for (const auto& [kind, n] : s.commitments_by_kind) out += " " + kind + " " + std::to_string(n) + ",";
    out.back() = '\n';
  }
  if (s.pruned) out += "pruned: " + std::to_string(s.pruned) + " documents whose files are gone\n";
  for (const auto& [path, reason] : s.quarantined) out += "quarantined: " + path + ": " + reason + "\n";
  return out;
}

}  // namespace pledge
