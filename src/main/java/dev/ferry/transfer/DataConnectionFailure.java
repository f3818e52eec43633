package dev.ferry.transfer;

import java.io.IOException;
import java.time.Duration;

/**
 * Why a data connection could not be opened, with what was tried: thrown by
 * {@link DataConnectionOpener} through Commons Net, caught by the session and turned into
 * an explanation by {@link DataFailureText}.
 */
final class DataConnectionFailure extends IOException {

	private final Kind kind;

	private final DataCommand command;

	private final String address;

	private final String reply;

	private final Duration timeout;

	private String note;

	DataConnectionFailure(Kind kind, DataCommand command, String address, String reply, Duration timeout,
			Throwable cause) {
		super(kind + " " + command + " " + address + ((reply != null) ? " " + reply : ""), cause);
		this.kind = kind;
		this.command = command;
		this.address = address;
		this.reply = reply;
		this.timeout = timeout;
	}

	Kind kind() {
		return this.kind;
	}

	DataCommand command() {
		return this.command;
	}

	/** The address connected to or announced, {@code host:port}; may be {@code null}. */
	String address() {
		return this.address;
	}

	/** The server reply that matters, on one line; may be {@code null}. */
	String reply() {
		return this.reply;
	}

	Duration timeout() {
		return this.timeout;
	}

	/** A likelier cause than the usual one, or {@code null}. */
	String note() {
		return this.note;
	}

	DataConnectionFailure withNote(String note) {
		this.note = note;
		return this;
	}

	/**
	 * Whether the server refused the command itself as unknown or not allowed, so that
	 * the other command of the same direction may work.
	 */
	boolean commandRefused() {
		return this.kind == Kind.COMMAND_REFUSED && this.reply != null
				&& (this.reply.startsWith("500") || this.reply.startsWith("501") || this.reply.startsWith("502"));
	}

	/**
	 * Whether the control connection can carry on: no reply is outstanding.
	 */
	boolean controlInSync() {
		return this.kind.controlInSync;
	}

	/**
	 * Whether the transfer command was sent, so that the server may have created an empty
	 * file.
	 */
	boolean transferCommandSent() {
		return this.kind.transferCommandSent;
	}

	/** What went wrong. */
	enum Kind {

		/** The server refused PASV, EPSV, PORT or EPRT, or answered nonsense. */
		COMMAND_REFUSED(true, false),
		/**
		 * The command cannot express the address (PORT with IPv6, bad external address).
		 */
		NOT_APPLICABLE(true, false),
		/** Passive: the connect to the server's data port was refused. */
		CONNECT_REFUSED(true, false),
		/** Passive: the connect to the server's data port timed out. */
		CONNECT_TIMEOUT(true, false),
		/** Passive: the connect failed otherwise (no route, ...). */
		CONNECT_FAILED(true, false),
		/** Passive: connected, but the server answered the transfer with 425/426. */
		SERVER_REFUSED_DATA(true, true),
		/** Active: the server answered 425/426: it could not connect back. */
		SERVER_COULD_NOT_CONNECT(true, true),
		/** Active: the server said it would connect back, but nothing came. */
		ACCEPT_TIMEOUT(false, true),
		/** Active: every port of the range is taken. */
		NO_FREE_PORT(true, false),
		/** The TLS handshake on the data connection failed. */
		TLS_FAILED(false, true);

		private final boolean controlInSync;

		private final boolean transferCommandSent;

		Kind(boolean controlInSync, boolean transferCommandSent) {
			this.controlInSync = controlInSync;
			this.transferCommandSent = transferCommandSent;
		}

	}

}
