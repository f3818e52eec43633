package dev.ferry.run;

import dev.ferry.transfer.TransferException;
import dev.ferry.transfer.TransferPhase;

/**
 * Why a run did not succeed, as stored on it ({@code error_type}) and shown as
 * {@code error.type}: the step that failed, or what stopped the run. Each type knows the
 * status the run ends in and whether the job's retry policy may try again.
 */
public enum FailureType {

	/** A source directory is missing or cannot be read. */
	SOURCE,
	/** The job's stored FTP password cannot be decrypted with the configured key. */
	SECRET,
	/** The server could not be reached, or did not greet. */
	CONNECT,
	/** The login was refused. */
	LOGIN,
	/** TLS could not be negotiated, or the server's certificate is not trusted. */
	TLS,
	/** No data connection could be opened in the target's transfer mode. */
	DATA_CONNECTION,
	/** Storing, listing, a directory or a type command failed after login. */
	TRANSFER,
	/** The server's size or hash of the upload does not match what was sent. */
	VERIFY,
	/**
	 * The checked upload could not be given its final name, or its checksum file could
	 * not.
	 */
	PUBLISH,
	/** Someone stopped the run, or cancelled it before it started. */
	CANCELLED,
	/** The service stopped, or its instance went quiet, before the run could end. */
	INTERRUPTED,
	/** A bug: anything else, logged with its stack trace. */
	INTERNAL;

	/**
	 * The type of a transfer failure in this phase. A switch without a default, so that a
	 * phase the transfer side adds does not compile until it has a type here.
	 */
	static FailureType of(TransferPhase phase) {
		return switch (phase) {
			case CONNECT -> CONNECT;
			case TLS -> TLS;
			case LOGIN -> LOGIN;
			case DATA_CONNECTION -> DATA_CONNECTION;
			case TRANSFER -> TRANSFER;
			case VERIFY -> VERIFY;
		};
	}

	/** The status a run that failed so ends in. */
	RunStatus status() {
		return switch (this) {
			case CANCELLED -> RunStatus.CANCELLED;
			case INTERRUPTED -> RunStatus.INTERRUPTED;
			default -> RunStatus.FAILED;
		};
	}

	/**
	 * Whether the job's retry policy is asked at all: a run someone cancelled is never
	 * tried again, and says nothing about retries.
	 */
	boolean asksForRetry() {
		return this != CANCELLED;
	}

	/**
	 * Whether trying again later may succeed. An interrupted run always may; the network
	 * or a busy server may recover, as the transfer failure tells; a missing source, a
	 * secret that cannot be read or a bug would only be hidden by retries.
	 * @param failure what made the run fail, or {@code null}
	 */
	boolean isTransient(Throwable failure) {
		return switch (this) {
			case INTERRUPTED -> true;
			case CONNECT, LOGIN, TLS, DATA_CONNECTION, TRANSFER, VERIFY, PUBLISH ->
				failure instanceof TransferException transfer && transfer.isTransient();
			case SOURCE, SECRET, CANCELLED, INTERNAL -> false;
		};
	}

	/** Whether the log shows the failure's stack trace: only a bug's is worth reading. */
	boolean isBug() {
		return this == INTERNAL;
	}

}
