package dev.ferry.transfer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ferry.transfer.TransferProperties.EffectiveTimeouts;

/**
 * One {@code STOR} over a data connection opened with a given {@link DataCommand}: the
 * content streams through a {@link StallGuard} while a {@link ControlKeepAlive} keeps the
 * control connection alive; then the transfer's reply and one reply per keep-alive are
 * read, in whatever order the server sends them.
 */
final class Store {

	private static final Logger logger = LoggerFactory.getLogger(Store.class);

	/**
	 * Gathers small writes of the producer into fewer segments; a sliver of the upload.
	 */
	private static final int BUFFER_SIZE = 64 * 1024;

	private final FtpSession session;

	private final FerryFtpClient client;

	private final EffectiveTimeouts timeouts;

	Store(FtpSession session, EffectiveTimeouts timeouts) {
		this.session = session;
		this.client = session.client();
		this.timeouts = timeouts;
	}

	/**
	 * Stores the content under a name in the working directory.
	 * @return bytes written by the content
	 * @throws DataConnectionFailure if the data connection could not be opened; nothing
	 * was written then
	 */
	long run(DataCommand command, String name, String path, UploadContent content) throws DataConnectionFailure {
		OutputStream out = open(command, name, path);
		ControlKeepAlive keepAlive = ControlKeepAlive.start(this.client, this.timeouts.keepAlive(),
				this.session.transcript());
		StallGuard data = new StallGuard(out, this.timeouts.data(), this.client::abortDataConnection);
		BufferedOutputStream buffered = new BufferedOutputStream(data, BUFFER_SIZE);
		CountingOutputStream counting = new CountingOutputStream(buffered);
		try {
			content.writeTo(counting);
			// Closing the data connection is what ends the file in FTP stream mode.
			buffered.close();
		}
		catch (RuntimeException | Error ex) {
			abort(keepAlive.stop());
			throw ex;
		}
		catch (IOException ex) {
			String reply = abort(keepAlive.stop());
			String cause = data.stalled() ? "the server stopped reading; nothing could be sent for "
					+ FtpConnector.seconds(data.timeout()) + " (data timeout)" : FtpCalls.describe(ex);
			throw new FtpTransferException("Uploading " + path + " to " + this.session.endpoint() + " failed after "
					+ counting.count() + " bytes: " + cause + ((reply != null) ? "; server reply: " + reply : ""), ex);
		}
		finally {
			data.stopWatching();
		}
		complete(path, counting.count(), keepAlive.stop());
		return counting.count();
	}

	private OutputStream open(DataCommand command, String name, String path) throws DataConnectionFailure {
		this.client.nextDataCommand(command);
		String operation = "Storing " + path + " on " + this.session.endpoint();
		OutputStream out;
		try {
			out = this.client.storeFileStream(name);
		}
		catch (DataConnectionFailure ex) {
			throw ex;
		}
		catch (FTPConnectionClosedException ex) {
			throw new FtpTransferException(
					operation + " failed: the server closed the connection: " + FtpCalls.reply(this.client), ex);
		}
		catch (IOException ex) {
			throw new FtpTransferException(operation + " failed: " + FtpCalls.describe(ex), ex);
		}
		if (out == null) {
			throw new FtpTransferException(operation + " failed: " + FtpCalls.reply(this.client)
					+ ReplyAdvice.forCode(this.client.getReplyCode(), path), this.client.getReplyCode());
		}
		return out;
	}

	/**
	 * Reads the transfer's reply and the keep-alives' replies, then checks the former.
	 */
	private void complete(String path, long bytes, int noops) {
		String operation = "Completing the upload of " + path + " (" + bytes + " bytes) on " + this.session.endpoint();
		Reply reply;
		try {
			reply = readReplies(noops);
		}
		catch (IOException ex) {
			throw new FtpTransferException(operation + " failed: " + FtpCalls.describe(ex), ex);
		}
		if (!FTPReply.isPositiveCompletion(reply.code())) {
			throw new FtpTransferException(
					operation + " failed: " + reply.text() + ReplyAdvice.forCode(reply.code(), path), reply.code());
		}
	}

	/**
	 * Reads replies until the transfer's and every keep-alive's have come: a {@code 200}
	 * while keep-alives are outstanding is theirs, the first other reply the transfer's.
	 */
	private Reply readReplies(int noops) throws IOException {
		int outstanding = noops;
		Reply transfer = null;
		while (transfer == null || outstanding > 0) {
			int code = this.client.getReply();
			if (outstanding > 0 && code == FTPReply.COMMAND_OK) {
				outstanding--;
			}
			else if (transfer == null) {
				transfer = new Reply(code, FtpCalls.reply(this.client));
			}
			else {
				outstanding--;
			}
		}
		return transfer;
	}

	/**
	 * Aborts a transfer whose data connection is open: resets it and reads the server's
	 * replies. Never throws.
	 * @return the server's reply to the transfer, or {@code null} if none could be read
	 */
	private String abort(int noops) {
		this.client.abortDataConnection();
		try {
			return readReplies(noops).text();
		}
		catch (IOException ex) {
			logger.debug("No reply after aborting a transfer on {}", this.session.endpoint(), ex);
			return null;
		}
	}

	private record Reply(int code, String text) {
	}

}
