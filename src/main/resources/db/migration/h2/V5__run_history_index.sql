-- The dashboard counts the runs of the last 24 hours.
CREATE INDEX ix_backup_run_started ON backup_run (started_at);
