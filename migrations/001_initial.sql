-- Schema v1: the public contract. Later migrations add tables, columns and views; they never
-- rename or drop what is here.

CREATE TABLE runs (
  id                INTEGER PRIMARY KEY,
  started_at        TEXT NOT NULL,
  finished_at       TEXT,
  status            TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'interrupted')),
  pipeline_version  TEXT NOT NULL,
  files_seen        INTEGER NOT NULL DEFAULT 0,
  files_loaded      INTEGER NOT NULL DEFAULT 0,
  files_unchanged   INTEGER NOT NULL DEFAULT 0,
  files_quarantined INTEGER NOT NULL DEFAULT 0,
  commitments       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
  id               INTEGER PRIMARY KEY,
  path             TEXT NOT NULL UNIQUE,
  sha256           TEXT,
  bytes            INTEGER,
  encoding         TEXT,
  raw              BLOB,
  normalized_text  TEXT,
  title            TEXT,
  source_site      TEXT,
  author           TEXT,
  published_at     TEXT,
  status           TEXT NOT NULL CHECK (status IN ('loaded', 'quarantined')),
  error            TEXT,
  pipeline_version TEXT NOT NULL,
  run_id           INTEGER REFERENCES runs(id),
  loaded_at        TEXT NOT NULL
);
CREATE INDEX documents_status ON documents(status);
CREATE INDEX documents_sha256 ON documents(sha256);

-- raw_* are byte offsets into documents.raw (the file exactly as read);
-- norm_* are byte offsets into documents.normalized_text (UTF-8).
CREATE TABLE normalization_events (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  rule        TEXT NOT NULL,
  raw_start   INTEGER NOT NULL,
  raw_end     INTEGER NOT NULL,
  norm_start  INTEGER NOT NULL,
  norm_end    INTEGER NOT NULL,
  before      TEXT NOT NULL,
  after       TEXT NOT NULL,
  UNIQUE (document_id, seq)
);
CREATE INDEX normalization_events_rule ON normalization_events(rule);

CREATE TABLE sentences (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  section     TEXT,
  raw_start   INTEGER NOT NULL,
  raw_end     INTEGER NOT NULL,
  norm_start  INTEGER NOT NULL,
  norm_end    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  UNIQUE (document_id, seq)
);

CREATE TABLE commitments (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  text        TEXT NOT NULL,
  value       REAL,
  low         REAL,
  high        REAL,
  unit        TEXT,
  bound       TEXT,
  modality    TEXT,
  period      TEXT,
  raw_start   INTEGER NOT NULL,
  raw_end     INTEGER NOT NULL,
  norm_start  INTEGER NOT NULL,
  norm_end    INTEGER NOT NULL
);
CREATE INDEX commitments_document ON commitments(document_id);
CREATE INDEX commitments_sentence ON commitments(sentence_id);
CREATE INDEX commitments_kind_value ON commitments(kind, value);
CREATE INDEX commitments_modality ON commitments(modality);

CREATE VIEW v_commitments AS
SELECT c.id, d.path, s.section, c.kind, c.text, c.value, c.low, c.high, c.unit, c.bound,
       c.modality, c.period, s.text AS sentence, c.raw_start, c.raw_end, c.norm_start, c.norm_end,
       c.document_id, c.sentence_id
FROM commitments c
JOIN documents d ON d.id = c.document_id
JOIN sentences s ON s.id = c.sentence_id;
