package dev.ferry.transfer;

/**
 * How the data connection of a transfer is opened. Each mode knows which
 * {@link DataCommand} it tries first, what it may try when the server refuses that
 * command, and whether it falls back to the other direction when the data connection
 * cannot be opened at all.
 */
public enum TransferMode {

	/**
	 * The client connects to the server: {@code EPSV} if the server lists it in
	 * {@code FEAT} (or the connection is IPv6), else {@code PASV}; a refused {@code EPSV}
	 * gives way to {@code PASV}. Works through most client-side firewalls and NAT.
	 */
	PASSIVE {

		@Override
		DataCommand first(ServerTraits server, DataCommand remembered) {
			return server.passiveChoice();
		}

	},

	/**
	 * The server connects back to the client: {@code PORT} on IPv4, {@code EPRT} on IPv6
	 * or when {@code PORT} is refused. Needs the server to reach this host.
	 */
	ACTIVE {

		@Override
		DataCommand first(ServerTraits server, DataCommand remembered) {
			return server.activeChoice();
		}

	},

	/**
	 * Passive first (or the command that worked last time); if the data connection cannot
	 * be opened, the same transfer is retried in the other direction.
	 */
	AUTO {

		@Override
		DataCommand first(ServerTraits server, DataCommand remembered) {
			return (remembered != null) ? remembered : server.passiveChoice();
		}

		@Override
		DataCommand fallbackAfter(DataCommand failed, ServerTraits server) {
			return failed.isPassive() ? server.activeChoice() : server.passiveChoice();
		}

	},

	/** Exactly {@code EPSV}, nothing else. */
	EPSV(DataCommand.EPSV),
	/** Exactly {@code PASV}, nothing else. */
	PASV(DataCommand.PASV),
	/** Exactly {@code EPRT}, nothing else. */
	EPRT(DataCommand.EPRT),
	/** Exactly {@code PORT}, nothing else. */
	PORT(DataCommand.PORT);

	private final DataCommand pinned;

	TransferMode() {
		this(null);
	}

	TransferMode(DataCommand pinned) {
		this.pinned = pinned;
	}

	/**
	 * The command to try first.
	 * @param server what is known of the server and the connection
	 * @param remembered the command that worked last time, or {@code null}; only
	 * {@link #AUTO} uses it
	 * @return the command
	 */
	DataCommand first(ServerTraits server, DataCommand remembered) {
		return this.pinned;
	}

	/**
	 * The command to try when the server refused {@code refused} as unknown or not
	 * allowed ({@code 500}/{@code 501}/{@code 502}), in the same session.
	 * @return the substitute, or {@code null} when this mode pins one command
	 */
	DataCommand substituteFor(DataCommand refused) {
		return (this.pinned != null) ? null : refused.substitute();
	}

	/**
	 * The command to retry the transfer with after the data connection could not be
	 * opened with {@code failed}.
	 * @return the other direction's command for {@link #AUTO}, else {@code null}
	 */
	DataCommand fallbackAfter(DataCommand failed, ServerTraits server) {
		return null;
	}

	/** Whether this mode pins one command instead of choosing. */
	boolean isPinned() {
		return this.pinned != null;
	}

	/**
	 * What is known about a server that decides which command a mode picks.
	 *
	 * @param epsvListed whether the server listed {@code EPSV} in its {@code FEAT} reply
	 * @param ipv6 whether the control connection runs over IPv6
	 */
	record ServerTraits(boolean epsvListed, boolean ipv6) {

		DataCommand passiveChoice() {
			return (this.epsvListed || this.ipv6) ? DataCommand.EPSV : DataCommand.PASV;
		}

		DataCommand activeChoice() {
			return this.ipv6 ? DataCommand.EPRT : DataCommand.PORT;
		}

	}

}
