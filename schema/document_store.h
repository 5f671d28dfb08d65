// DocumentStore: writes runs and documents, one transaction per document.
//
// Contract:
//   Save(doc, run_id) replaces everything stored for doc.path (the document row and its
//   events, sentences and commitments) inside one SQLite transaction: a crash leaves either
//   the old document or the new one, never half of either. Statements are prepared once.
//   Infrastructure failures throw SQLite::Exception; nothing here swallows them.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "pipeline/process_document.h"

namespace pledge {

struct RunCounts {
  int64_t files_seen = 0, files_loaded = 0, files_unchanged = 0, files_quarantined = 0, commitments = 0;
};

class DocumentStore {
 public:
  explicit DocumentStore(SQLite::Database& db);

  // Marks runs left 'running' by a killed process as 'interrupted'; returns how many.
  int MarkInterruptedRuns();
  int64_t BeginRun();
  // `summary_json` is stored in runs.summary; seconds and bytes in their columns.
  void FinishRun(int64_t run_id, const RunCounts& counts, const std::string& status, double seconds = 0,
                 uint64_t bytes = 0, const std::string& summary_json = "");

  // Returns the new document id. Runs inside the caller's transaction when one is open
  // (BeginBatch), else in its own.
  int64_t Save(const ProcessedDocument& doc, int64_t run_id);

  // Several documents per transaction: fewer commits, still never half a document. Commit
  // happens in EndBatch (or when the store is destroyed, rollback).
  void BeginBatch();
  void EndBatch();
  bool InBatch() const { return batch_.has_value(); }
  void AbortBatch() { batch_.reset(); }  // rolls the open batch back

  // Adds sentences stored since the last call to the full-text index, in one transaction.
  // Returns how many it indexed.
  int64_t IndexNewSentences();

 private:
  SQLite::Database& db_;
  // Inserts rows into one table, kBlock rows per statement where it can: a document has
  // hundreds of events and sentences, and one statement per row spent more time stepping
  // than storing.
  class BlockInsert {
   public:
    static constexpr int kBlock = 64;
    BlockInsert(SQLite::Database& db, const std::string& insert_columns, int columns);
    // bind_row(statement, first_parameter, row) binds row `row`'s columns from first_parameter on.
    template <typename BindRow>
    void Insert(size_t rows, BindRow&& bind_row) {
      size_t row = 0;
      for (; row + kBlock <= rows; row += kBlock) {
        block_.reset();
        for (int r = 0; r < kBlock; ++r) bind_row(block_, 1 + r * columns_, row + r);
        block_.exec();
      }
      for (; row < rows; ++row) {
        one_.reset();
        bind_row(one_, 1, row);
        one_.exec();
      }
    }

   private:
    int columns_;
    SQLite::Statement one_, block_;
  };

  std::optional<SQLite::Transaction> batch_;
  SQLite::Statement delete_document_, insert_document_, next_sentence_id_;
  BlockInsert events_, sentences_, commitments_;
};

}  // namespace pledge
