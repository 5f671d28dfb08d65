-- The unchanged check at the start of every run reads path, sha256, pipeline_version and status
-- of every document. pipeline_version and status are stored after the raw and normalized text
-- in each row, so reading them walked every document's overflow pages: the whole database,
-- 400 MB for a 200 MB corpus, on every nightly run. This covering index answers that query
-- (and the per-path lookup) without touching the rows.
CREATE INDEX documents_unchanged_check ON documents(path, sha256, pipeline_version, status);
