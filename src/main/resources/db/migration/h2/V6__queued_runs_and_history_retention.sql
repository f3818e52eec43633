-- A "run now" that waits for a worker is QUEUED: it records when it was asked for, and has no
-- start time until it starts (its archive is named after the moment it really started).
ALTER TABLE backup_run ADD COLUMN queued_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE backup_run ALTER COLUMN started_at SET NULL;

-- History retention (ferry.runs.keep-history) reads runs by when they ended, in batches, and
-- keeps a run as long as a retry names it in retry_of.
CREATE INDEX ix_backup_run_finished ON backup_run (finished_at);
CREATE INDEX ix_backup_run_retry_of ON backup_run (retry_of);
