-- Views for SQL users, and full-text search over sentences.

-- Every normalization fix with the path of its document.
CREATE VIEW v_audit AS
SELECT e.id, d.path, e.document_id, e.seq, e.rule, e.raw_start, e.raw_end, e.norm_start, e.norm_end,
       e.before, e.after
FROM normalization_events e
JOIN documents d ON d.id = e.document_id;

-- Runs with their derived figures.
CREATE VIEW v_runs AS
SELECT r.id, r.started_at, r.finished_at, r.status, r.pipeline_version, r.files_seen, r.files_loaded,
       r.files_unchanged, r.files_quarantined, r.commitments, r.seconds, r.bytes,
       CASE WHEN r.seconds > 0 THEN round(r.bytes / 1e6 / r.seconds, 2) END AS mb_per_s,
       (SELECT count(*) FROM documents d WHERE d.run_id = r.id) AS documents_now_from_run,
       r.summary
FROM runs r;

-- Trigram full-text index over sentence text (works for Chinese, which has no spaces).
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', tokenize='trigram');
INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_fts_update AFTER UPDATE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE INDEX runs_status ON runs(status);
CREATE INDEX documents_run ON documents(run_id);
