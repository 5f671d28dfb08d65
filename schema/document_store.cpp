#include "schema/document_store.h"

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

constexpr const char* kInsertEventColumns =
    "INSERT INTO normalization_events(document_id, seq, rule, raw_start, raw_end, norm_start, norm_end, before, after) VALUES ";
constexpr int kEventColumns = 9;

// "(?,?,…),(?,?,…)…": `rows` rows of `columns` parameters.
std::string ValuesRows(int rows, int columns) {
  std::string row = "(";
  for (int c = 0; c < columns; ++c) row += c ? ",?" : "?";
  row += ")";
  std::string all;
  for (int r = 0; r < rows; ++r) all += (r ? "," : "") + row;
  return all;
}

// Binds one event's columns starting at parameter `first`.
void BindEvent(SQLite::Statement& st, int first, int64_t document_id, int64_t seq, const Fix& f) {
  st.bind(first, document_id);
  st.bind(first + 1, seq);
  st.bind(first + 2, f.rule);
  st.bind(first + 3, static_cast<int64_t>(f.raw_start));
  st.bind(first + 4, static_cast<int64_t>(f.raw_end));
  st.bind(first + 5, static_cast<int64_t>(f.norm_start));
  st.bind(first + 6, static_cast<int64_t>(f.norm_end));
  st.bindNoCopy(first + 7, f.before);
  st.bindNoCopy(first + 8, f.after);
}

}  // namespace

DocumentStore::DocumentStore(SQLite::Database& db)
    : db_(db),
      lookup_(db, "SELECT sha256, pipeline_version, status FROM documents WHERE path = ?"),
      delete_document_(db, "DELETE FROM documents WHERE path = ?"),
      insert_document_(db, std::string(
          "INSERT INTO documents(path, sha256, bytes, encoding, raw, normalized_text, title, source_site, "
          "author, published_at, status, error, pipeline_version, run_id, loaded_at, flags) "
          "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,") + kNow + ",?)"),
      insert_event_(db, std::string(kInsertEventColumns) + ValuesRows(1, kEventColumns)),
      insert_event_block_(db, std::string(kInsertEventColumns) + ValuesRows(kEventBlock, kEventColumns)),
      insert_sentence_(db,
          "INSERT INTO sentences(document_id, seq, section, raw_start, raw_end, norm_start, norm_end, text) "
          "VALUES (?,?,?,?,?,?,?,?)"),
      insert_commitment_(db,
          "INSERT INTO commitments(document_id, sentence_id, kind, text, value, low, high, unit, bound, "
          "modality, period, raw_start, raw_end, norm_start, norm_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)") {}

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

std::optional<StoredDocument> DocumentStore::Lookup(const std::string& path) {
  lookup_.reset();
  lookup_.bind(1, path);
  if (!lookup_.executeStep()) return std::nullopt;
  StoredDocument d{lookup_.getColumn(0).getString(), lookup_.getColumn(1).getString(), lookup_.getColumn(2).getString()};
  lookup_.reset();
  return d;
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
    // Events go in blocks of kEventBlock rows per statement: a damaged document has one per
    // comma, and one statement per row spent more time stepping than storing.
    const auto& fixes = doc.normalized.fixes;
    size_t k = 0;
    for (; k + kEventBlock <= fixes.size(); k += kEventBlock) {
      auto& block = insert_event_block_;
      block.reset();
      for (int r = 0; r < kEventBlock; ++r) BindEvent(block, 1 + r * kEventColumns, document_id, k + r, fixes[k + r]);
      block.exec();
    }
    for (; k < fixes.size(); ++k) {
      insert_event_.reset();
      BindEvent(insert_event_, 1, document_id, k, fixes[k]);
      insert_event_.exec();
    }
    std::vector<int64_t> sentence_ids;
    sentence_ids.reserve(doc.sentences.size());
    int64_t seq = 0;
    for (const SentenceRecord& s : doc.sentences) {
      auto& st = insert_sentence_;
      st.reset();
      st.bind(1, document_id);
      st.bind(2, seq++);
      BindText(st, 3, s.sentence.section);
      st.bind(4, static_cast<int64_t>(s.raw_start));
      st.bind(5, static_cast<int64_t>(s.raw_end));
      st.bind(6, static_cast<int64_t>(s.sentence.start));
      st.bind(7, static_cast<int64_t>(s.sentence.end));
      st.bindNoCopy(8, s.text);
      st.exec();
      sentence_ids.push_back(db_.getLastInsertRowid());
    }
    for (const CommitmentRecord& c : doc.commitments) {
      const Quantity& q = c.quantity;
      auto& st = insert_commitment_;
      st.reset();
      st.bind(1, document_id);
      st.bind(2, sentence_ids.at(c.sentence_index));
      st.bind(3, q.kind);
      st.bindNoCopy(4, q.text);
      BindOptional(st, 5, q.value);
      BindOptional(st, 6, q.low);
      BindOptional(st, 7, q.high);
      BindText(st, 8, q.unit);
      BindText(st, 9, q.bound);
      BindText(st, 10, q.modality);
      BindText(st, 11, q.period);
      st.bind(12, static_cast<int64_t>(c.raw_start));
      st.bind(13, static_cast<int64_t>(c.raw_end));
      st.bind(14, static_cast<int64_t>(q.start));
      st.bind(15, static_cast<int64_t>(q.end));
      st.exec();
    }
  }
  if (own) own->commit();
  return document_id;
}

}  // namespace pledge
