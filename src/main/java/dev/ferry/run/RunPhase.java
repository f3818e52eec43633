package dev.ferry.run;

/**
 * The step of its pipeline a running run is in, entered by {@link StreamedBackup} as each
 * step starts; a run that ended without success keeps the phase it stopped in. The
 * archive is built while it uploads, so archiving and uploading are one step from the
 * server's point of view; {@link #ARCHIVING} covers what comes before the upload starts.
 */
public enum RunPhase {

	/** Checking and measuring the sources, connecting to the server and logging in. */
	ARCHIVING,
	/**
	 * Choosing a free name, opening the data connection, and streaming the archive, built
	 * on the fly, to the server.
	 */
	UPLOADING,
	/** Comparing size and hash with the server's, uploading the checksum, renaming. */
	VERIFYING,
	/** Deleting old archives as the job's retention says. */
	PRUNING

}
