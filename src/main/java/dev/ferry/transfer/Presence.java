package dev.ferry.transfer;

/**
 * Whether a file exists on the server, as far as the server would say.
 */
enum Presence {

	/**
	 * The server has a file of that name (in any spelling, on a case-insensitive one).
	 */
	PRESENT,

	/** The server says there is no such file. */
	ABSENT,

	/** The server could not tell: it knows neither {@code MDTM} nor {@code SIZE}. */
	UNKNOWN;

	/** Whether a name may be used: certainly absent, or not known to be taken. */
	boolean free() {
		return this != PRESENT;
	}

}
