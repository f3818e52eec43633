package dev.ferry.transfer;

import java.io.IOException;

import org.apache.commons.net.ftp.FTPClient;

/**
 * Runs Commons Net calls so that neither an {@link IOException} nor a {@code false} is
 * dropped, and turns replies and I/O failures into text for messages.
 */
final class FtpCalls {

	private FtpCalls() {
	}

	/**
	 * Runs a call, turning an I/O failure into an {@link FtpTransferException}.
	 * @param endpoint {@code host:port}, for the message
	 * @param operation what the call does, e.g. {@code Creating directory /a}
	 * @param call the call
	 * @param <T> its result type
	 * @return its result
	 */
	static <T> T call(String endpoint, String operation, FtpCall<T> call) {
		try {
			return call.call();
		}
		catch (IOException ex) {
			throw new FtpTransferException(operation + " on " + endpoint + " failed: " + describe(ex), ex);
		}
	}

	/**
	 * Turns a {@code false} into an {@link FtpTransferException} carrying the reply.
	 * @param client the client that answered
	 * @param endpoint {@code host:port}, for the message
	 * @param succeeded what the call returned
	 * @param operation what the call did
	 */
	static void check(FTPClient client, String endpoint, boolean succeeded, String operation) {
		if (!succeeded) {
			throw new FtpTransferException(operation + " on " + endpoint + " failed: " + reply(client),
					client.getReplyCode());
		}
	}

	/**
	 * The client's last reply on one line.
	 * @param client the client
	 * @return e.g. {@code 550 Permission denied.}, or {@code no reply}
	 */
	static String reply(FTPClient client) {
		String reply = client.getReplyString();
		return (reply != null && !reply.isBlank()) ? reply.strip().replaceAll("\\s*\\R\\s*", " | ") : "no reply";
	}

	/**
	 * An I/O failure with its type, which often says more than its message.
	 * @param ex the failure
	 * @return e.g. {@code ConnectException: Connection refused}
	 */
	static String describe(IOException ex) {
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

	/**
	 * A Commons Net call.
	 *
	 * @param <T> its result type
	 */
	@FunctionalInterface
	interface FtpCall<T> {

		T call() throws IOException;

	}

}
