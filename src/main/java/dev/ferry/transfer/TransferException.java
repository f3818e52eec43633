package dev.ferry.transfer;

import java.io.IOException;
import java.util.Set;

import javax.net.ssl.SSLHandshakeException;

/**
 * Base of all transfer failures. The message names the operation, {@code host:port}, the
 * remote path where relevant and the server's reply; it never contains a password.
 */
public abstract class TransferException extends RuntimeException {

	/** Replies that say "not now" rather than "never". */
	private static final Set<Integer> TRANSIENT_REPLIES = Set.of(421, 425, 426, 450, 451);

	private final TransferPhase phase;

	private final int replyCode;

	TransferException(TransferPhase phase, String message, Throwable cause) {
		this(phase, message, cause, 0);
	}

	/**
	 * @param replyCode the server's reply that made the operation fail, or 0 when it
	 * failed for another reason (then see the cause)
	 */
	TransferException(TransferPhase phase, String message, Throwable cause, int replyCode) {
		super(message, cause);
		this.phase = phase;
		this.replyCode = replyCode;
	}

	/**
	 * The phase in which the upload failed.
	 * @return the phase, never {@code null}
	 */
	public TransferPhase phase() {
		return this.phase;
	}

	/** The server's reply code that made it fail, or 0 when it failed otherwise. */
	public int replyCode() {
		return this.replyCode;
	}

	/**
	 * Whether trying again later may succeed: the network or a busy server failed
	 * (connection refused, reset or timed out; replies 421, 425, 426, 450, 451; a data
	 * connection that could not be opened). A refused login, a permission, a full disk, a
	 * certificate or a refused file name is permanent: retrying would only hide it.
	 */
	public boolean isTransient() {
		return switch (this.phase) {
			case CONNECT, DATA_CONNECTION -> true;
			case TLS -> false;
			case LOGIN, TRANSFER, VERIFY ->
				(this.replyCode != 0) ? TRANSIENT_REPLIES.contains(this.replyCode) : isNetworkFailure(getCause());
		};
	}

	/**
	 * Whether the upload may have been published after all: the reply to its final rename
	 * never came, and nobody could tell afterwards whether it happened.
	 */
	public boolean mayHavePublished() {
		return false;
	}

	private static boolean isNetworkFailure(Throwable cause) {
		return cause instanceof IOException && !(cause instanceof SSLHandshakeException);
	}

}
