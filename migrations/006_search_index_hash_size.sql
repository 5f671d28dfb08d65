-- The full-text index keeps new terms in memory until this many bytes before writing a segment.
-- The default (1 MB) makes a run's batch indexing write and merge many small segments: with
-- 8 MB, indexing a 20 MB corpus took 0.88 s instead of 1.37 s. Queries are unaffected.
INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('hashsize', 8388608);
