-- What the operator reads at the end of a run, kept with the run: how long it took, how much
-- it read, and the summary (commitments by kind, quarantined files with their reasons) as JSON.
ALTER TABLE runs ADD COLUMN seconds REAL;
ALTER TABLE runs ADD COLUMN bytes INTEGER;
ALTER TABLE runs ADD COLUMN summary TEXT;
