package dev.ferry.transfer;

/**
 * Whether and how the connection to the server is encrypted (FTPS).
 */
public enum Security {

	/** Plain FTP: everything, the password included, travels in clear text. */
	NONE(21),
	/** {@code AUTH TLS} on the normal port, then {@code PBSZ 0} and {@code PROT P}. */
	EXPLICIT_TLS(21),
	/** TLS from the first byte, on its own port (990 by convention). */
	IMPLICIT_TLS(990);

	private final int defaultPort;

	Security(int defaultPort) {
		this.defaultPort = defaultPort;
	}

	/** The port servers use for this security by convention. */
	public int defaultPort() {
		return this.defaultPort;
	}

	public boolean isTls() {
		return this != NONE;
	}

}
