package dev.ferry.run;

import java.util.List;

/**
 * What a successful run produced.
 */
record RunOutcome(long filesArchived, long bytesRead, long bytesUploaded, String remotePath, String sha256,
		String transferModeUsed, boolean transferFallback, List<String> warnings) {
}
