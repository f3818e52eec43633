package dev.ferry.run;

import java.time.Instant;
import java.util.List;

/**
 * A run as the API shows it.
 */
record RunResponse(long id, long jobId, String jobName, RunTrigger trigger, RunStatus status, Instant startedAt,
		Instant finishedAt, long filesArchived, long bytesRead, long bytesUploaded, String remotePath, String sha256,
		String transferModeUsed, boolean transferFallback, Error error, List<String> warnings) {

	static RunResponse of(BackupRun run) {
		Error error = (run.getErrorType() != null) ? new Error(run.getErrorType(), run.getErrorMessage()) : null;
		return new RunResponse(run.getId(), run.getJobId(), run.getJobName(), run.getTrigger(), run.getStatus(),
				run.getStartedAt(), run.getFinishedAt(), run.getFilesArchived(), run.getBytesRead(),
				run.getBytesUploaded(), run.getRemotePath(), run.getSha256(), run.getTransferModeUsed(),
				run.isTransferFallback(), error, run.getWarnings());
	}

	/** Why a run did not succeed: the phase that failed and what happened. */
	record Error(String type, String message) {
	}

}
