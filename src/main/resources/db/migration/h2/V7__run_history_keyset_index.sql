-- The dashboard's history pages walk runs newest first by id within a job and a status; H2
-- reads them in index order (no sort, no count) only when the index ends with id. This one
-- replaces (job_id, status), which it covers.
CREATE INDEX ix_backup_run_job_status_id ON backup_run (job_id, status, id);
DROP INDEX ix_backup_run_job_status;
