package dev.ferry.transfer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.net.ftp.FTPReply;

/**
 * Checks an uploaded file before it gets its final name: the server's {@code SIZE} must
 * equal the bytes sent, and the strongest hash the server offers must equal the one
 * computed while sending. A check the server does not offer is skipped, and the
 * transcript says so; a check that fails is a {@link FtpVerificationException} saying
 * what differed.
 */
final class Verifier {

	/** What a server hashes per second at least, to bound the wait for its answer. */
	private static final long HASH_BYTES_PER_SECOND = 10L * 1024 * 1024;

	private final FtpSession session;

	private final FerryFtpClient client;

	private final Duration controlTimeout;

	Verifier(FtpSession session, Duration controlTimeout) {
		this.session = session;
		this.client = session.client();
		this.controlTimeout = controlTimeout;
	}

	/**
	 * @param name the uploaded file in the working directory
	 * @param path its path, for messages
	 * @param bytesSent what the content wrote
	 * @return the checks that passed, e.g. {@code [SIZE, SHA-256]}
	 */
	List<String> verify(String name, String path, long bytesSent, Hashes hashes, Optional<HashCommand> hash) {
		boolean ascii = this.session.target().fileType() == FileType.ASCII;
		if (ascii) {
			// SIZE in ASCII type is refused or counts converted line ends
			this.session.useBinaryType(path);
		}
		List<String> passed = new ArrayList<>();
		if (checkSize(name, path, bytesSent, ascii)) {
			passed.add("SIZE");
		}
		if (hash.isPresent() && checkHash(name, path, hashes, hash.get(), bytesSent, ascii)) {
			passed.add(hash.get().algorithm().label());
		}
		return passed;
	}

	private boolean checkSize(String name, String path, long bytesSent, boolean ascii) {
		int code = call("Checking the size of " + path, () -> this.client.sendCommand("SIZE", name));
		String reply = FtpCalls.reply(this.client);
		if (code == FTPReply.FILE_UNAVAILABLE) {
			// the file the server has just confirmed is not there
			throw new FtpTransferException(
					"Checking the size of " + path + " on " + this.session.endpoint() + " failed: " + reply, code);
		}
		if (code != FTPReply.FILE_STATUS) {
			this.session.transcript()
				.status("The server does not answer SIZE with a size: the size of " + path + " is not checked");
			return false;
		}
		long size;
		try {
			size = Long.parseLong(reply.substring(4).strip());
		}
		catch (NumberFormatException | StringIndexOutOfBoundsException ex) {
			this.session.transcript().status("The server's SIZE reply is not a number: the size is not checked");
			return false;
		}
		if (size != bytesSent) {
			throw new FtpVerificationException("Verifying " + path + " on " + this.session.endpoint()
					+ " failed: the server has " + size + " bytes, Ferry sent " + bytesSent + advice(ascii), ascii);
		}
		return true;
	}

	private boolean checkHash(String name, String path, Hashes hashes, HashCommand hash, long bytesSent,
			boolean ascii) {
		String label = hash.algorithm().label();
		if (hash.select() != null) {
			int selected = call("Selecting " + label, () -> this.client.sendCommand("OPTS", hash.select()));
			if (!FTPReply.isPositiveCompletion(selected)) {
				skipped(label, path);
				return false;
			}
		}
		int code;
		// the server reads the whole file before it answers
		Duration wait = this.controlTimeout.plusSeconds(bytesSent / HASH_BYTES_PER_SECOND);
		try {
			this.client.setSoTimeout(FtpConnector.millis(wait));
			code = call("Asking for the " + label + " of " + path, () -> this.client.sendCommand(hash.command(), name));
		}
		catch (IOException ex) {
			throw new FtpTransferException("Asking for the " + label + " of " + path + " on " + this.session.endpoint()
					+ " failed: " + FtpCalls.describe(ex), ex);
		}
		finally {
			restoreTimeout();
		}
		String reply = FtpCalls.reply(this.client);
		Optional<String> theirs = FTPReply.isPositiveCompletion(code) ? hash.hashIn(reply) : Optional.empty();
		if (theirs.isEmpty()) {
			skipped(label, path);
			return false;
		}
		String ours = hashes.hex(hash.algorithm());
		if (!hash.algorithm().same(theirs.get(), ours)) {
			throw new FtpVerificationException("Verifying " + path + " on " + this.session.endpoint() + " failed: the "
					+ "server's " + label + " is " + theirs.get() + ", Ferry sent " + ours + advice(ascii), ascii);
		}
		return true;
	}

	private void skipped(String label, String path) {
		this.session.transcript()
			.status("The server did not answer with a " + label + ": the hash of " + path + " is not checked");
	}

	private void restoreTimeout() {
		try {
			this.client.setSoTimeout(FtpConnector.millis(this.controlTimeout));
		}
		catch (IOException ex) {
			// the connection is gone: the next command will say so
		}
	}

	private static String advice(boolean ascii) {
		return ascii ? " — the ASCII transfer type rewrote line endings in the binary archive: set fileType to BINARY"
				: " — the upload was cut short or changed on the way";
	}

	private <T> T call(String operation, FtpCalls.FtpCall<T> call) {
		return FtpCalls.call(this.session.endpoint(), operation, call);
	}

}
