package dev.ferry.run;

/**
 * What a running run is doing. The archive is built while it uploads, so archiving and
 * uploading are one phase from the server's point of view; {@link #ARCHIVING} covers what
 * comes before the first byte leaves.
 */
public enum RunPhase {

	/** Checking and measuring the sources, connecting to the server. */
	ARCHIVING,
	/** Streaming the archive, built on the fly, to the server. */
	UPLOADING,
	/** Comparing size and hash with the server's, uploading the checksum, renaming. */
	VERIFYING,
	/** Deleting old archives as the job's retention says. */
	PRUNING

}
