// Per-stage throughput on seed-like text: read, decode, normalize, segment, extract, the whole
// ProcessDocument, and load (storing processed documents in SQLite with their search index), in
// MB/s of input per core. A plain timed binary (no framework) so its output is one table that
// docs/performance.md quotes.
//
//   build/bench/pledge_stage_bench [FILE...]   (default: every file in samples/)
//   PLEDGE_BENCH_MB=64 sets how much text each stage processes (repeating the inputs);
//   PLEDGE_BENCH_STAGES=extract measures only the stages listed (comma-separated).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <unistd.h>

#include "extractors/extract_quantities.h"
#include "pipeline/decode.h"
#include "pipeline/normalize.h"
#include "pipeline/process_document.h"
#include "pipeline/read_file.h"
#include "pipeline/segment.h"
#include "schema/database.h"
#include "schema/document_store.h"

using namespace pledge;
using Clock = std::chrono::steady_clock;

namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// PLEDGE_BENCH_STAGES=extract,normalize runs only those stages (for a profiler).
bool Selected(const char* stage) {
  const char* only = std::getenv("PLEDGE_BENCH_STAGES");
  if (!only) return true;
  std::string list = std::string(",") + only + ",";
  return list.find(std::string(",") + stage + ",") != std::string::npos;
}

template <typename Fn>
void Measure(const char* stage, size_t bytes_per_round, size_t target_bytes, Fn&& fn) {
  if (!Selected(stage)) return;
  size_t rounds = std::max<size_t>(1, target_bytes / std::max<size_t>(1, bytes_per_round));
  fn();  // warm up: patterns compiled, tables built
  auto start = Clock::now();
  for (size_t i = 0; i < rounds; ++i) fn();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  double mb = double(bytes_per_round) * rounds / 1e6;
  std::printf("%-12s %10.1f MB/s   (%.1f MB in %.2f s)\n", stage, mb / seconds, mb, seconds);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) files.push_back(argv[i]);
  if (files.empty())
    for (const auto& e : std::filesystem::directory_iterator(PLEDGE_SOURCE_DIR "/samples")) files.push_back(e.path().string());
  size_t target = static_cast<size_t>(std::atof(std::getenv("PLEDGE_BENCH_MB") ? std::getenv("PLEDGE_BENCH_MB") : "32") * 1e6);

  std::vector<std::string> raws;
  std::vector<DecodedText> decoded;
  std::vector<NormalizedText> normalized;
  size_t raw_bytes = 0, text_bytes = 0;
  for (const auto& f : files) {
    raws.push_back(Read(f));
    raw_bytes += raws.back().size();
    decoded.push_back(DecodeBytes(raws.back()));
    normalized.push_back(NormalizeText(decoded.back().text));
    text_bytes += decoded.back().text.text.size();
  }
  std::printf("inputs: %zu files, %zu raw bytes; throughput per core, input bytes of each stage\n", files.size(), raw_bytes);
  // From the page cache: what the pipeline's reader costs, not the disk.
  Measure("read", raw_bytes, target, [&] { for (auto& f : files) ReadInput(f, uint64_t{1} << 30); });
  Measure("decode", raw_bytes, target, [&] { for (auto& r : raws) DecodeBytes(r); });
  Measure("normalize", text_bytes, target, [&] { for (auto& d : decoded) NormalizeText(d.text); });
  Measure("segment", text_bytes, target, [&] { for (auto& n : normalized) SegmentText(n.text.text); });
  std::vector<std::vector<std::string>> sentences;
  for (auto& n : normalized) {
    sentences.emplace_back();
    for (auto& s : SegmentText(n.text.text)) sentences.back().push_back(n.text.text.substr(s.start, s.end - s.start));
  }
  Measure("extract", text_bytes, target, [&] {
    for (auto& doc : sentences)
      for (auto& s : doc) ExtractQuantities(s);
  });
  Measure("process", raw_bytes, target, [&] { for (size_t i = 0; i < raws.size(); ++i) ProcessDocument(files[i], raws[i]); });

  // Load: the writer's work in `pledge ingest` into a fresh database — documents stored in
  // batches of 64, one transaction each, then the run's sentences added to the search index.
  if (Selected("load")) {
    std::vector<ProcessedDocument> processed;
    for (size_t i = 0; i < raws.size(); ++i) processed.push_back(ProcessDocument(files[i], raws[i]));
    auto dir = std::filesystem::temp_directory_path() / ("pledge-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
      SQLite::Database db = OpenDatabase((dir / "load.db").string());
      DocumentStore store(db);
      int64_t run = store.BeginRun();
      size_t load_target = std::min<size_t>(target, 16'000'000), stored = 0, saved = 0;
      auto start = Clock::now();
      for (size_t round = 0; stored < load_target; ++round) {
        for (size_t i = 0; i < processed.size(); ++i) {
          if (saved % 64 == 0) store.BeginBatch();
          processed[i].path = "round" + std::to_string(round) + "/" + files[i];
          store.Save(processed[i], run);
          if (++saved % 64 == 0) store.EndBatch();
          stored += raws[i].size();
        }
      }
      store.EndBatch();
      double rows_seconds = std::chrono::duration<double>(Clock::now() - start).count();
      store.IndexNewSentences();
      double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      std::printf("%-12s %10.1f MB/s   (%.1f MB in %.2f s: rows %.2f s, search index %.2f s)\n", "load",
                  stored / 1e6 / seconds, stored / 1e6, seconds, rows_seconds, seconds - rows_seconds);
    }
    std::filesystem::remove_all(dir);
  }
  return 0;
}
