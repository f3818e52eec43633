-- Retries and retention per job; attempts, live progress, heartbeats, cancel requests,
-- verification and pruning per run.

ALTER TABLE backup_job ADD COLUMN retry_max_attempts INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE backup_job ADD COLUMN retry_delay_seconds INTEGER DEFAULT 60 NOT NULL;
ALTER TABLE backup_job ADD COLUMN keep_last INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE backup_job ADD COLUMN keep_hourly INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE backup_job ADD COLUMN keep_daily INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE backup_job ADD COLUMN keep_weekly INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE backup_job ADD COLUMN keep_monthly INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE backup_job ADD COLUMN keep_yearly INTEGER DEFAULT 0 NOT NULL;

ALTER TABLE backup_run ADD COLUMN attempt INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE backup_run ADD COLUMN retry_of BIGINT;
ALTER TABLE backup_run ADD COLUMN next_attempt_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE backup_run ADD COLUMN phase VARCHAR(16);
ALTER TABLE backup_run ADD COLUMN estimated_total_bytes BIGINT;
ALTER TABLE backup_run ADD COLUMN owner VARCHAR(255);
ALTER TABLE backup_run ADD COLUMN heartbeat_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE backup_run ADD COLUMN cancel_requested BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE backup_run ADD COLUMN verification VARCHAR(64);
ALTER TABLE backup_run ADD COLUMN checksum_path VARCHAR(2048);

CREATE INDEX ix_backup_run_job_status ON backup_run (job_id, status);

-- Old archives (and their checksum files) that retention deleted after this run.
CREATE TABLE backup_run_pruned (
  run_id BIGINT NOT NULL,
  position INTEGER NOT NULL,
  file_name VARCHAR(1024) NOT NULL,
  PRIMARY KEY (run_id, position),
  CONSTRAINT fk_backup_run_pruned_run FOREIGN KEY (run_id) REFERENCES backup_run (id) ON DELETE CASCADE
);
