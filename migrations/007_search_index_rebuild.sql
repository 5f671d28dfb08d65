-- Until this version, a run that replaced the document holding the newest sentences stored its
-- new sentences under ids the search index had already passed (SQLite reuses the ids after the
-- largest one left), and they were never indexed: `pledge search` missed them. New sentences
-- now always get ids past the indexed ones. This rebuilds the index once from the sentences
-- table, so databases written before are complete again.
INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
UPDATE search_index_progress SET last_sentence_id = coalesce((SELECT max(id) FROM sentences), 0) WHERE id = 1;
