package dev.ferry.transfer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Uploads content to an FTP server atomically: the content streams into
 * {@code .<fileName>.part} in the target directory, which is renamed to {@code fileName}
 * once the server has confirmed the transfer. On failure the temporary file is removed
 * and no file appears under the final name.
 * <p>
 * An existing file of the final name is replaced. Servers that refuse to rename onto an
 * existing file (Apache FtpServer, IIS) get it deleted and the rename retried once;
 * should that retry fail, the old file is gone too and the failure says so.
 * <p>
 * Each upload uses its own connection, so one instance serves concurrent callers.
 */
@Component
public class FtpUploader {

	private static final Logger logger = LoggerFactory.getLogger(FtpUploader.class);

	/**
	 * Gathers small writes of the producer into fewer segments; a sliver of the upload.
	 */
	private static final int BUFFER_SIZE = 64 * 1024;

	private final FtpConnector connector;

	private final Duration dataTimeout;

	public FtpUploader(TransferProperties properties) {
		this.connector = new FtpConnector(Objects.requireNonNull(properties, "properties"));
		this.dataTimeout = properties.dataTimeout();
	}

	/**
	 * Uploads content under a file name into the target's remote directory, creating that
	 * directory if needed.
	 * @param target where and how to upload
	 * @param fileName plain file name, without directories
	 * @param content writes the bytes; called once, while the data connection is open
	 * @param transcript receives the control-channel transcript, passwords masked,
	 * whatever becomes of the upload
	 * @return where the file went, the data-connection command used and the bytes sent
	 * @throws TransferException on any FTP failure, its type telling the phase
	 * @throws RuntimeException the very exception thrown by {@code content}, after the
	 * partial upload was removed
	 */
	public UploadResult upload(FtpTarget target, String fileName, UploadContent content, Transcript transcript) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(content, "content");
		RemotePaths.requireFileName(fileName);
		String tempName = "." + fileName + ".part";
		String path = RemotePaths.pathOf(target.remoteDir(), fileName);
		String tempPath = RemotePaths.pathOf(target.remoteDir(), tempName);
		try (FtpSession session = this.connector.open(target)) {
			session.enterDirectory(target.remoteDir());
			long bytes = store(session, tempName, tempPath, content);
			try {
				session.replace(tempName, fileName, path);
			}
			catch (RuntimeException ex) {
				session.deleteQuietly(tempName);
				throw ex;
			}
			UploadResult result = new UploadResult(path, DataCommand.valueOf(session.dataCommand()), false, bytes);
			logger.info("Uploaded {} bytes to {} on {} ({})", bytes, path, target.endpoint(), result.modeUsed());
			return result;
		}
	}

	private long store(FtpSession session, String tempName, String tempPath, UploadContent content) {
		StallGuard data = new StallGuard(session.openStore(tempName, tempPath), this.dataTimeout,
				session::resetDataConnection);
		BufferedOutputStream buffered = new BufferedOutputStream(data, BUFFER_SIZE);
		CountingOutputStream counting = new CountingOutputStream(buffered);
		try {
			content.writeTo(counting);
			// Closing the data connection is what ends the file in FTP stream mode.
			buffered.close();
		}
		catch (RuntimeException | Error ex) {
			session.abortStore();
			session.deleteQuietly(tempName);
			throw ex;
		}
		catch (IOException ex) {
			String reply = session.abortStore();
			session.deleteQuietly(tempName);
			String cause = data.stalled() ? "the server stopped reading; nothing could be sent for "
					+ data.timeout().toMillis() + " ms (ferry.transfer.data-timeout)" : FtpCalls.describe(ex);
			throw new FtpTransferException("Uploading " + tempPath + " to " + session.endpoint() + " failed after "
					+ counting.count() + " bytes: " + cause + ((reply != null) ? "; server reply: " + reply : ""), ex);
		}
		finally {
			data.stopWatching();
		}
		try {
			session.completeStore(tempPath, counting.count());
		}
		catch (RuntimeException ex) {
			session.deleteQuietly(tempName);
			throw ex;
		}
		return counting.count();
	}

}
