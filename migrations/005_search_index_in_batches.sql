-- Indexing every sentence through a trigger made loading four times slower (FTS5 merges many
-- tiny segments). New sentences are now indexed in one batch at the end of each run, from the
-- last indexed id; deletes still go through a trigger, for sentences already in the index.
DROP TRIGGER sentences_fts_insert;
DROP TRIGGER sentences_fts_delete;
DROP TRIGGER sentences_fts_update;
CREATE TABLE search_index_progress (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  last_sentence_id INTEGER NOT NULL
);
INSERT INTO search_index_progress VALUES (1, coalesce((SELECT max(id) FROM sentences), 0));
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences
WHEN old.id <= (SELECT last_sentence_id FROM search_index_progress) BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_fts_update AFTER UPDATE ON sentences
WHEN old.id <= (SELECT last_sentence_id FROM search_index_progress) BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
