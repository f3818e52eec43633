package dev.ferry.transfer;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File operations on one logged-in connection. Every refused command becomes an exception
 * naming the operation, {@code host:port}, the remote path and the server's reply, with
 * advice for the replies that have a usual cause. {@link #close()} logs out and
 * disconnects and never throws.
 */
class FtpSession implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FtpSession.class);

	private final FerryFtpClient client;

	private final FtpTarget target;

	private final Transcript transcript;

	private final List<String> features;

	/** Whether the representation type is binary; as the target says until changed. */
	private Boolean binary;

	FtpSession(FerryFtpClient client, FtpTarget target, Transcript transcript, List<String> features) {
		this.client = client;
		this.target = target;
		this.transcript = transcript;
		this.features = List.copyOf(features);
		this.binary = target.fileType() == FileType.BINARY;
	}

	String endpoint() {
		return this.target.endpoint();
	}

	FtpTarget target() {
		return this.target;
	}

	FerryFtpClient client() {
		return this.client;
	}

	Transcript transcript() {
		return this.transcript;
	}

	/** The server's {@code FEAT} lines, as read after login. */
	List<String> features() {
		return this.features;
	}

	/** What decides the data-connection command a mode picks on this connection. */
	TransferMode.ServerTraits traits() {
		boolean epsv = this.features.stream().anyMatch((line) -> line.toUpperCase(Locale.ROOT).startsWith("EPSV"));
		return new TransferMode.ServerTraits(epsv, this.client.getRemoteAddress().getAddress().length == 16);
	}

	/**
	 * Changes into a directory, creating missing segments on the way.
	 * @param remoteDir absolute or relative to the login directory; {@code ""} and
	 * {@code "/"} leave the working directory as it is
	 */
	void enterDirectory(String remoteDir) {
		enterDirectory(remoteDir, true);
	}

	/**
	 * Changes into a directory that must exist.
	 * @param remoteDir absolute or relative to the login directory
	 */
	void enterExistingDirectory(String remoteDir) {
		enterDirectory(remoteDir, false);
	}

	private void enterDirectory(String remoteDir, boolean create) {
		if (RemotePaths.isLoginDirectory(remoteDir)) {
			return;
		}
		String walked = remoteDir.startsWith("/") ? "/" : "";
		if (!walked.isEmpty()) {
			check(call("Changing to directory /", () -> this.client.changeWorkingDirectory("/")),
					"Changing to directory /", "/");
		}
		for (String segment : remoteDir.split("/")) {
			if (segment.isEmpty() || ".".equals(segment)) {
				continue;
			}
			walked = RemotePaths.join(walked, segment);
			String dir = walked;
			if (call("Changing to directory " + dir, () -> this.client.changeWorkingDirectory(segment))) {
				continue;
			}
			if (!create) {
				throw new DirectoryMissingException("Changing to directory " + dir + " on " + endpoint() + " failed: "
						+ reply() + " — it does not exist or the user may not enter it", this.client.getReplyCode());
			}
			boolean made = call("Creating directory " + dir, () -> this.client.makeDirectory(segment));
			String makeReply = reply();
			int makeCode = this.client.getReplyCode();
			// Enter it whatever MKD said: a concurrent upload may have created it
			// meanwhile.
			if (!call("Changing to directory " + dir, () -> this.client.changeWorkingDirectory(segment))) {
				throw new FtpTransferException(
						"Creating directory " + dir + " on " + endpoint() + " failed: "
								+ (made ? "entering it failed: " + reply()
										: makeReply + ReplyAdvice.forCode(makeCode, dir)),
						made ? this.client.getReplyCode() : makeCode);
			}
		}
	}

	/**
	 * Renames a file. Never replaces anything: servers that allow renaming onto an
	 * existing file silently replace it, so callers check the new name first
	 * ({@link #presence}); servers that refuse (Apache FtpServer, IIS) make this fail.
	 * @param from current name in the working directory
	 * @param to new name in the working directory
	 * @param toPath the new name's path, for messages
	 * @throws FtpTransferException with the server's reply code when it refused; with
	 * reply code 0 when no reply came, so that the rename may or may not have happened
	 */
	void rename(String from, String to, String toPath) {
		String operation = "Renaming " + from + " to " + toPath;
		check(call(operation, () -> this.client.rename(from, to)), operation, toPath);
	}

	/**
	 * Whether a file exists in the working directory, asked on the control connection:
	 * {@code MDTM}, else {@code SIZE} (in binary type only: in ASCII type servers refuse
	 * it or count converted line ends). A case-insensitive server answers for any
	 * spelling of the name.
	 * @param name file name in the working directory
	 * @return {@link Presence#UNKNOWN} when the server knows neither command or answers
	 * neither clearly
	 */
	Presence presence(String name) {
		Presence byModificationTime = presence("MDTM", name);
		if (byModificationTime != Presence.UNKNOWN || this.binary == Boolean.FALSE) {
			return byModificationTime;
		}
		return presence("SIZE", name);
	}

	private Presence presence(String command, String name) {
		int code = call("Asking whether " + name + " exists (" + command + ")",
				() -> this.client.sendCommand(command, name));
		if (code == FTPReply.FILE_STATUS) {
			return Presence.PRESENT;
		}
		return (code == FTPReply.FILE_UNAVAILABLE) ? Presence.ABSENT : Presence.UNKNOWN;
	}

	/**
	 * Switches to binary type ({@code TYPE I}), in which {@code SIZE} counts bytes.
	 * @param path the file this is for, for messages
	 */
	void useBinaryType(String path) {
		String operation = "Setting type BINARY (TYPE I) to check " + path;
		FtpCalls.check(this.client, endpoint(), call(operation, () -> this.client.setFileType(FTP.BINARY_FILE_TYPE)),
				operation);
		this.binary = Boolean.TRUE;
	}

	/**
	 * Deletes a file.
	 * @param name file name in the working directory
	 * @param path the same file's path, for messages
	 */
	void delete(String name, String path) {
		check(call("Deleting " + path, () -> this.client.deleteFile(name)), "Deleting " + path, path);
	}

	/**
	 * Deletes a file if possible; for clean-up after a failure. Never throws.
	 * @param name file name in the working directory
	 * @return false when the control connection failed, so that the file may still be
	 * there; true when the server answered, whatever it said
	 */
	boolean deleteQuietly(String name) {
		try {
			if (!this.client.deleteFile(name)) {
				logger.debug("Could not delete {} on {}: {}", name, endpoint(), reply());
			}
			return true;
		}
		catch (IOException ex) {
			logger.debug("Could not delete {} on {}", name, endpoint(), ex);
			return false;
		}
	}

	/** Logs out, then disconnects; never throws. */
	@Override
	public void close() {
		disconnect(this.client, endpoint());
	}

	/**
	 * Logs out, then disconnects; each step guarded so that it never masks an earlier
	 * failure.
	 */
	static void disconnect(FerryFtpClient client, String endpoint) {
		if (!client.isConnected()) {
			return;
		}
		try {
			client.logout();
		}
		catch (IOException ex) {
			logger.debug("Logout from {} failed", endpoint, ex);
		}
		try {
			client.disconnect();
		}
		catch (IOException ex) {
			logger.debug("Disconnecting from {} failed", endpoint, ex);
		}
	}

	private <T> T call(String operation, FtpCalls.FtpCall<T> call) {
		return FtpCalls.call(endpoint(), operation, call);
	}

	private void check(boolean succeeded, String operation, String path) {
		if (!succeeded) {
			throw new FtpTransferException(operation + " on " + endpoint() + " failed: " + reply()
					+ ReplyAdvice.forCode(this.client.getReplyCode(), path), this.client.getReplyCode());
		}
	}

	private String reply() {
		return FtpCalls.reply(this.client);
	}

}
