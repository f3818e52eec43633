package dev.ferry.run;

import java.time.Instant;
import java.util.List;

import dev.ferry.transfer.DataCommand;

/**
 * A run as the API shows it. While it runs on this instance, its counters and phase are
 * live; on another instance, as of that instance's last heartbeat. {@code queuedAt} is
 * when a run that had to wait for a worker was asked for; {@code startedAt} when it
 * really started ({@code null} while it waits).
 */
record RunResponse(long id, long jobId, String jobName, RunTrigger trigger, int attempt, Long retryOf, RunStatus status,
		RunPhase phase, Instant queuedAt, Instant startedAt, Instant finishedAt, long filesArchived, long bytesRead,
		long bytesUploaded, Long estimatedTotalBytes, String remotePath, String sha256, String checksumPath,
		List<String> verification, DataCommand transferModeUsed, boolean transferFallback, Error error,
		List<String> warnings, List<String> pruned, Instant nextAttemptAt, boolean cancelRequested, String owner) {

	static RunResponse of(BackupRun run) {
		return of(run, null);
	}

	/**
	 * @param live the counters of the run under way here, or {@code null}
	 */
	static RunResponse of(BackupRun run, RunProgress.Snapshot live) {
		Error error = (run.getErrorType() != null) ? new Error(run.getErrorType(), run.getErrorMessage()) : null;
		RunProgress.Snapshot counters = (live != null && run.getStatus() == RunStatus.RUNNING) ? live
				: run.counters().snapshot();
		PublishedArchive published = run.getPublished();
		return new RunResponse(run.getId(), run.getJobId(), run.getJobName(), run.getTrigger(), run.getAttempt(),
				run.attempt().firstRunId(), run.getStatus(), counters.phase(), run.getQueuedAt(), run.getStartedAt(),
				run.getFinishedAt(), counters.filesArchived(), counters.bytesRead(), counters.bytesUploaded(),
				counters.estimatedTotalBytes(), published.getRemotePath(), published.getSha256(),
				published.getChecksumPath(), published.getVerification(), published.getTransferModeUsed(),
				published.isTransferFallback(), error, run.getWarnings(), run.getPruned(), run.getNextAttemptAt(),
				run.isCancelRequested(), run.getOwner());
	}

	/** Why a run did not succeed: its failure type and what happened. */
	record Error(FailureType type, String message) {
	}

}
