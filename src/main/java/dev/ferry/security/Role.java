package dev.ferry.security;

/**
 * What a user may do.
 */
public enum Role {

	/** Everything. */
	ADMIN,
	/** Read jobs, runs, transcripts and the dashboard; change nothing, run nothing. */
	VIEWER

}
