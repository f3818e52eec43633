package dev.ferry.run;

import dev.ferry.job.BackupJob;

/**
 * A run whose record exists and whose job it holds (see {@link Liveness#claim}).
 *
 * @param job the job as it was when the run started
 * @param run the run as recorded when it started, or was queued
 * @param control its progress and the means to stop it
 */
record ClaimedRun(BackupJob job, BackupRun run, RunControl control) {
}
