package dev.ferry.transfer;

/**
 * The FTP command that sets up a data connection: what a run records as the mode it
 * actually used, and what a probe tries one by one.
 */
public enum DataCommand {

	/**
	 * Extended passive (RFC 2428): the server answers only a port, on the control host.
	 */
	EPSV(true),
	/**
	 * Passive: the server answers an IPv4 address and port
	 * ({@code 227 ... (h1,h2,h3,h4,p1,p2)}).
	 */
	PASV(true),
	/**
	 * Extended active (RFC 2428): this host announces an address (IPv4 or IPv6) and port.
	 */
	EPRT(false),
	/** Active: this host announces an IPv4 address and port, the server connects back. */
	PORT(false);

	private final boolean passive;

	DataCommand(boolean passive) {
		this.passive = passive;
	}

	/** Whether this host opens the connection (passive) or the server does (active). */
	public boolean isPassive() {
		return this.passive;
	}

	/**
	 * The command of the same family to try when the server refuses this one as unknown
	 * ({@code 500}/{@code 501}/{@code 502}): {@code EPSV} gives way to {@code PASV},
	 * {@code PORT} to {@code EPRT}.
	 * @return the substitute, or {@code null} if there is none
	 */
	DataCommand substitute() {
		return switch (this) {
			case EPSV -> PASV;
			case PORT -> EPRT;
			default -> null;
		};
	}

}
