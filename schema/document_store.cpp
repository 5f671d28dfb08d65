#include "schema/document_store.h"

#include <stdexcept>

namespace pledge {
namespace {

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

template <typename T>
void BindOptional(SQLite::Statement& st, int index, const std::optional<T>& value) {
  if (value) st.bind(index, *value);
  else st.bind(index);
}

void BindText(SQLite::Statement& st, int index, const std::string& value) {
  if (value.empty()) st.bind(index);
  else st.bind(index, value);
}

// "(?,?,…),(?,?,…)…": `rows` rows of `columns` parameters.
std::string ValuesRows(int rows, int columns) {
  std::string row = "(";
  for (int c = 0; c < columns; ++c) row += c ? ",?" : "?";
  row += ")";
  std::string all;
  for (int r = 0; r < rows; ++r) all += (r ? "," : "") + row;
  return all;
}

}  // namespace

DocumentStore::DocumentStore(SQLite::Database& db)
    : db_(db),
      delete_document_(db, "DELETE FROM documents WHERE path = ?"),
      insert_document_(db, std::string(
          "INSERT INTO documents(path, sha256, bytes, encoding, raw, normalized_text, title, source_site, "
          "author, published_at, status, error, pipeline_version, run_id, loaded_at, flags) "
          "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,") + kNow + ",?)"),
      next_sentence_id_(db,
          "SELECT max(coalesce((SELECT max(id) FROM sentences), 0), "
          "coalesce((SELECT last_sentence_id FROM search_index_progress WHERE id = 1), 0)) + 1"),
      events_(db, "normalization_events(document_id, seq, rule, raw_start, raw_end, norm_start, norm_end, before, after)", 9),
      sentences_(db, "sentences(id, document_id, seq, section, raw_start, raw_end, norm_start, norm_end, text)", 9),
      commitments_(db,
          "commitments(document_id, sentence_id, kind, text, value, low, high, unit, bound, modality, period, "
          "raw_start, raw_end, norm_start, norm_end)", 15) {}

DocumentStore::BlockInsert::BlockInsert(SQLite::Database& db, const std::string& insert_columns, int columns)
    : columns_(columns),
      one_(db, "INSERT INTO " + insert_columns + " VALUES " + ValuesRows(1, columns)),
      block_(db, "INSERT INTO " + insert_columns + " VALUES " + ValuesRows(kBlock, columns)) {}

int DocumentStore::MarkInterruptedRuns() {
  return db_.exec(std::string("UPDATE runs SET status = 'interrupted', finished_at = ") + kNow +
                  " WHERE status = 'running'");
}

int64_t DocumentStore::BeginRun() {
  SQLite::Statement insert(db_, std::string("INSERT INTO runs(started_at, status, pipeline_version) VALUES (") +
                                    kNow + ", 'running', ?)");
  insert.bind(1, kPipelineVersion);
  insert.exec();
  return db_.getLastInsertRowid();
}

void DocumentStore::FinishRun(int64_t run_id, const RunCounts& counts, const std::string& status, double seconds,
                              uint64_t bytes, const std::string& summary_json) {
  SQLite::Statement update(db_, std::string("UPDATE runs SET finished_at = ") + kNow +
      ", status = ?, files_seen = ?, files_loaded = ?, files_unchanged = ?, files_quarantined = ?, "
      "commitments = ?, seconds = ?, bytes = ?, summary = ? WHERE id = ?");
  update.bind(1, status);
  update.bind(2, counts.files_seen);
  update.bind(3, counts.files_loaded);
  update.bind(4, counts.files_unchanged);
  update.bind(5, counts.files_quarantined);
  update.bind(6, counts.commitments);
  update.bind(7, seconds);
  update.bind(8, static_cast<int64_t>(bytes));
  BindText(update, 9, summary_json);
  update.bind(10, run_id);
  update.exec();
}

void DocumentStore::BeginBatch() {
  if (!batch_) batch_.emplace(db_, SQLite::TransactionBehavior::IMMEDIATE);
}

void DocumentStore::EndBatch() {
  if (!batch_) return;
  batch_->commit();
  batch_.reset();
}

int64_t DocumentStore::IndexNewSentences() {
  SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
  int64_t last = db_.execAndGet("SELECT last_sentence_id FROM search_index_progress WHERE id = 1").getInt64();
  SQLite::Statement index(db_, "INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id > ?");
  index.bind(1, last);
  int64_t added = index.exec();
  db_.exec("UPDATE search_index_progress SET last_sentence_id = (SELECT coalesce(max(id), 0) FROM sentences) "
           "WHERE id = 1 AND (SELECT coalesce(max(id), 0) FROM sentences) > last_sentence_id");
  transaction.commit();
  return added;
}

int64_t DocumentStore::Save(const ProcessedDocument& doc, int64_t run_id) {
  std::optional<SQLite::Transaction> own;
  if (!batch_) own.emplace(db_, SQLite::TransactionBehavior::IMMEDIATE);
  delete_document_.reset();
  delete_document_.bind(1, doc.path);
  delete_document_.exec();

  bool loaded = doc.status == ProcessedDocument::Status::Loaded;
  const auto& meta = doc.normalized.metadata;
  auto& d = insert_document_;
  d.reset();
  d.clearBindings();
  d.bind(1, doc.path);
  d.bind(2, doc.sha256);
  d.bind(3, static_cast<int64_t>(doc.raw.size()));
  BindText(d, 4, doc.encoding);
  d.bindNoCopy(5, doc.raw.data(), static_cast<int>(doc.raw.size()));
  if (loaded) d.bindNoCopy(6, doc.normalized.text.text);
  else d.bind(6);
  BindText(d, 7, meta.title);
  BindText(d, 8, meta.source_site);
  BindText(d, 9, meta.author);
  BindText(d, 10, meta.published_at);
  d.bind(11, loaded ? "loaded" : "quarantined");
  BindText(d, 12, doc.error);
  d.bind(13, kPipelineVersion);
  d.bind(14, run_id);
  std::string flags;
  for (const auto& f : doc.normalized.flags) flags += (flags.empty() ? "" : ",") + f;
  BindText(d, 15, flags);
  d.exec();
  int64_t document_id = db_.getLastInsertRowid();

  if (loaded) {
    const auto& fixes = doc.normalized.fixes;
    events_.Insert(fixes.size(), [&](SQLite::Statement& st, int p, size_t k) {
      const Fix& f = fixes[k];
      st.bind(p, document_id);
      st.bind(p + 1, static_cast<int64_t>(k));
      st.bind(p + 2, f.rule);
      st.bind(p + 3, static_cast<int64_t>(f.raw_start));
      st.bind(p + 4, static_cast<int64_t>(f.raw_end));
      st.bind(p + 5, static_cast<int64_t>(f.norm_start));
      st.bind(p + 6, static_cast<int64_t>(f.norm_end));
      st.bindNoCopy(p + 7, f.before);
      st.bindNoCopy(p + 8, f.after);
    });
    // Sentence ids are given, not taken from each insert: rows go in blocks, and the
    // commitments below need their sentence's id. This connection is the only writer and
    // holds the write transaction, so the ids after the current maximum are free. They also
    // start past the last id the search index has taken in: replacing the document with the
    // newest sentences frees their ids, and sentences given them again would never be indexed.
    next_sentence_id_.reset();
    next_sentence_id_.executeStep();
    const int64_t first_sentence_id = next_sentence_id_.getColumn(0).getInt64();
    next_sentence_id_.reset();
    sentences_.Insert(doc.sentences.size(), [&](SQLite::Statement& st, int p, size_t k) {
      const SentenceRecord& s = doc.sentences[k];
      st.bind(p, first_sentence_id + static_cast<int64_t>(k));
      st.bind(p + 1, document_id);
      st.bind(p + 2, static_cast<int64_t>(k));
      if (s.sentence.section.empty()) st.bind(p + 3);
      else st.bindNoCopy(p + 3, s.sentence.section);
      st.bind(p + 4, static_cast<int64_t>(s.raw_start));
      st.bind(p + 5, static_cast<int64_t>(s.raw_end));
      st.bind(p + 6, static_cast<int64_t>(s.sentence.start));
      st.bind(p + 7, static_cast<int64_t>(s.sentence.end));
      st.bindNoCopy(p + 8, s.text);
    });
    commitments_.Insert(doc.commitments.size(), [&](SQLite::Statement& st, int p, size_t k) {
      const CommitmentRecord& c = doc.commitments[k];
      const Quantity& q = c.quantity;
      if (c.sentence_index >= doc.sentences.size()) throw std::out_of_range("commitment outside its document's sentences");
      st.bind(p, document_id);
      st.bind(p + 1, first_sentence_id + static_cast<int64_t>(c.sentence_index));
      st.bind(p + 2, q.kind);
      st.bindNoCopy(p + 3, q.text);
      BindOptional(st, p + 4, q.value);
      BindOptional(st, p + 5, q.low);
      BindOptional(st, p + 6, q.high);
      BindText(st, p + 7, q.unit);
      BindText(st, p + 8, q.bound);
      BindText(st, p + 9, q.modality);
      BindText(st, p + 10, q.period);
      st.bind(p + 11, static_cast<int64_t>(c.raw_start));
      st.bind(p + 12, static_cast<int64_t>(c.raw_end));
      st.bind(p + 13, static_cast<int64_t>(q.start));
      st.bind(p + 14, static_cast<int64_t>(q.end));
    });
  }
  if (own) own->commit();
  return document_id;
}

}  // namespace pledge
