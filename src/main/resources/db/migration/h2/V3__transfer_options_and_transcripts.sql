-- Transfer modes, FTPS and per-target timeouts; the mode AUTO found to work; transcripts.

ALTER TABLE backup_job ADD COLUMN target_passive_address VARCHAR(16) DEFAULT 'CONTROL_HOST' NOT NULL;
ALTER TABLE backup_job ADD COLUMN target_active_port_range VARCHAR(11);
ALTER TABLE backup_job ADD COLUMN target_active_external_address VARCHAR(253);
ALTER TABLE backup_job ADD COLUMN target_security VARCHAR(16) DEFAULT 'NONE' NOT NULL;
ALTER TABLE backup_job ADD COLUMN target_tls_trusted_certificate VARCHAR(20000);
ALTER TABLE backup_job ADD COLUMN target_tls_insecure BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE backup_job ADD COLUMN target_connect_timeout_seconds INTEGER;
ALTER TABLE backup_job ADD COLUMN target_data_timeout_seconds INTEGER;
ALTER TABLE backup_job ADD COLUMN target_control_keep_alive_seconds INTEGER;
ALTER TABLE backup_job ADD COLUMN target_last_data_command VARCHAR(8);

ALTER TABLE backup_run ADD COLUMN transfer_fallback BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE backup_run_transcript (
  run_id BIGINT NOT NULL PRIMARY KEY,
  transcript CLOB NOT NULL,
  CONSTRAINT fk_backup_run_transcript_run FOREIGN KEY (run_id) REFERENCES backup_run (id) ON DELETE CASCADE
);
