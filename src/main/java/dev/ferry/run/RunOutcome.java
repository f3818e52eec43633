package dev.ferry.run;

import java.util.List;

import dev.ferry.transfer.DataCommand;

/**
 * What a successful run produced.
 *
 * @param verification the checks that confirmed the upload, e.g. {@code [SIZE, SHA-256]}
 * @param checksumPath the {@code sha256sum} file beside the archive
 * @param pruned old files deleted by retention
 * @param warnings files skipped while archiving, retention steps that failed
 */
record RunOutcome(long filesArchived, long bytesRead, long bytesUploaded, long estimatedTotalBytes, String remotePath,
		String sha256, DataCommand transferModeUsed, boolean transferFallback, List<String> verification,
		String checksumPath, List<String> pruned, List<String> warnings) {
}
