package dev.ferry.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File operations on one logged-in connection. Every refused command becomes an exception
 * naming the operation, {@code host:port}, the remote path and the server's reply.
 * {@link #close()} logs out and disconnects and never throws.
 */
class FtpSession implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FtpSession.class);

	private final AbortableFtpClient client;

	private final ControlChannelRecorder recorder;

	private final FtpTarget target;

	FtpSession(AbortableFtpClient client, ControlChannelRecorder recorder, FtpTarget target) {
		this.client = client;
		this.recorder = recorder;
		this.target = target;
	}

	String endpoint() {
		return this.target.endpoint();
	}

	/**
	 * The control-connection transcript so far, passwords masked.
	 * @return the lines, oldest first
	 */
	List<ControlChannelRecorder.Line> transcript() {
		return this.recorder.lines();
	}

	/**
	 * The data-connection command sent for the last transfer.
	 * @return {@code PASV}, {@code EPSV}, {@code PORT}, {@code EPRT} or {@code null}
	 */
	String dataCommand() {
		return this.recorder.dataCommand();
	}

	/**
	 * Changes into a directory, creating missing segments on the way.
	 * @param remoteDir absolute or relative to the login directory; {@code ""} and
	 * {@code "/"} leave the working directory as it is
	 */
	void enterDirectory(String remoteDir) {
		if (RemotePaths.isLoginDirectory(remoteDir)) {
			return;
		}
		String walked = remoteDir.startsWith("/") ? "/" : "";
		if (!walked.isEmpty()) {
			check(call("Changing to directory /", () -> this.client.changeWorkingDirectory("/")),
					"Changing to directory /");
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
			boolean made = call("Creating directory " + dir, () -> this.client.makeDirectory(segment));
			String makeReply = reply();
			// Enter it whatever MKD said: a concurrent upload may have created it
			// meanwhile.
			if (!call("Changing to directory " + dir, () -> this.client.changeWorkingDirectory(segment))) {
				throw new FtpTransferException("Creating directory " + dir + " on " + endpoint() + " failed: "
						+ (made ? "entering it failed: " + reply() : makeReply));
			}
		}
	}

	/**
	 * Sends {@code STOR} over a new data connection.
	 * @param name file name in the working directory
	 * @param path the same file's path, for messages
	 * @return the data connection; close it, then call {@link #completeStore}
	 * @throws DataConnectionException if the data connection cannot be opened
	 * @throws FtpTransferException if the server refuses the file
	 */
	OutputStream openStore(String name, String path) {
		OutputStream out;
		try {
			out = this.client.storeFileStream(name);
		}
		catch (FTPConnectionClosedException ex) {
			throw new FtpTransferException(
					"Storing " + path + " on " + endpoint() + " failed: the server closed the connection: " + reply(),
					ex);
		}
		catch (IOException ex) {
			throw dataConnectionFailure(path, FtpCalls.describe(ex) + "; last server reply: " + reply(), ex);
		}
		if (out == null) {
			int code = this.client.getReplyCode();
			if (ControlChannelRecorder.DATA_COMMANDS.contains(this.recorder.lastCommand()) || code == 425
					|| code == 426) {
				throw dataConnectionFailure(path, reply(), null);
			}
			throw new FtpTransferException("Storing " + path + " on " + endpoint() + " failed: " + reply());
		}
		return out;
	}

	private DataConnectionException dataConnectionFailure(String path, String detail, Throwable cause) {
		TransferMode mode = this.target.transferMode();
		return new DataConnectionException(
				"Opening the data connection for " + path + " on " + endpoint() + " failed in " + mode + " mode ("
						+ this.recorder.describeDataAttempt(this.client) + "): " + detail + ". Hint: " + mode.remedy(),
				cause);
	}

	/**
	 * Reads the server's verdict on a transfer whose data connection was closed.
	 * @param path the stored file, for messages
	 * @param bytes bytes written, for messages
	 */
	void completeStore(String path, long bytes) {
		String operation = "Completing the upload of " + path + " (" + bytes + " bytes)";
		check(call(operation, this.client::completePendingCommand), operation);
	}

	/**
	 * Resets the data connection without waiting for the server's reply; safe to call
	 * from another thread while a write blocks.
	 */
	void resetDataConnection() {
		this.client.abortDataConnection();
	}

	/**
	 * Aborts a transfer whose data connection is open: resets it and reads the server's
	 * reply. Never throws.
	 * @return the server's reply, or {@code null} if none could be read
	 */
	String abortStore() {
		this.client.abortDataConnection();
		try {
			this.client.completePendingCommand();
			return reply();
		}
		catch (IOException ex) {
			logger.debug("No reply after aborting a transfer on {}", endpoint(), ex);
			return null;
		}
	}

	/**
	 * Renames a file, replacing an existing file of the target name. Servers such as
	 * Apache FtpServer refuse to rename onto an existing file, so after a failed rename
	 * the target is deleted and the rename tried once more.
	 * @param from current name in the working directory
	 * @param to new name in the working directory
	 * @param toPath the new name's path, for messages
	 */
	void replace(String from, String to, String toPath) {
		String operation = "Renaming " + from + " to " + toPath;
		if (call(operation, () -> this.client.rename(from, to))) {
			return;
		}
		String renameReply = reply();
		if (!call("Deleting the existing " + toPath, () -> this.client.deleteFile(to))) {
			throw new FtpTransferException(operation + " on " + endpoint() + " failed: " + renameReply
					+ " (deleting an existing " + toPath + " to replace it failed too: " + reply() + ")");
		}
		check(call(operation + " after deleting the existing file", () -> this.client.rename(from, to)),
				operation + " after deleting the existing file");
	}

	/**
	 * Deletes a file if possible; for clean-up after a failure. Never throws.
	 * @param name file name in the working directory
	 */
	void deleteQuietly(String name) {
		try {
			if (!this.client.deleteFile(name)) {
				logger.debug("Could not delete {} on {}: {}", name, endpoint(), reply());
			}
		}
		catch (IOException ex) {
			logger.debug("Could not delete {} on {}", name, endpoint(), ex);
		}
	}

	/**
	 * Logs out, then disconnects; each step guarded so that it never masks an earlier
	 * failure.
	 */
	@Override
	public void close() {
		if (!this.client.isConnected()) {
			return;
		}
		try {
			this.client.logout();
		}
		catch (IOException ex) {
			logger.debug("Logout from {} failed", endpoint(), ex);
		}
		try {
			this.client.disconnect();
		}
		catch (IOException ex) {
			logger.debug("Disconnecting from {} failed", endpoint(), ex);
		}
	}

	private <T> T call(String operation, FtpCalls.FtpCall<T> call) {
		return FtpCalls.call(endpoint(), operation, call);
	}

	private void check(boolean succeeded, String operation) {
		FtpCalls.check(this.client, endpoint(), succeeded, operation);
	}

	private String reply() {
		return FtpCalls.reply(this.client);
	}

}
