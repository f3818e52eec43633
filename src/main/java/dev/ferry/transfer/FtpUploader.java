package dev.ferry.transfer;

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
 * The data connection is opened as the target's {@link TransferMode} says; in
 * {@link TransferMode#AUTO} a data connection that cannot be opened is retried in the
 * other direction before anything was written (see {@link DataAttempts}).
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

	private final FtpConnector connector;

	private final TransferProperties properties;

	public FtpUploader(TransferProperties properties) {
		this.properties = Objects.requireNonNull(properties, "properties");
		this.connector = new FtpConnector(properties);
	}

	/**
	 * Uploads content under a file name into the target's remote directory, creating that
	 * directory if needed.
	 * @param target where and how to upload
	 * @param fileName plain file name, without directories
	 * @param content writes the bytes; called once the data connection is open, and never
	 * again once it has written anything
	 * @param transcript receives the control-channel transcript, passwords masked,
	 * whatever becomes of the upload
	 * @return where the file went, the data-connection command used, whether
	 * {@link TransferMode#AUTO} fell back, and the bytes sent
	 * @throws TransferException on any FTP failure, its type telling the phase
	 * @throws RuntimeException the very exception thrown by {@code content}, after the
	 * partial upload was removed
	 */
	public UploadResult upload(FtpTarget target, String fileName, UploadContent content, Transcript transcript) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(content, "content");
		Objects.requireNonNull(transcript, "transcript");
		RemotePaths.requireFileName(fileName);
		String tempName = "." + fileName + ".part";
		String path = RemotePaths.pathOf(target.remoteDir(), fileName);
		String tempPath = RemotePaths.pathOf(target.remoteDir(), tempName);
		DataAttempts attempts = new DataAttempts(this.connector, target, this.properties.forTarget(target), transcript);
		try {
			DataAttempts.Stored stored;
			try {
				stored = attempts.store(tempName, tempPath, new OnceWritten(content));
			}
			catch (DataConnectionException ex) {
				// Nothing was written: DataAttempts removed what a server may have
				// created.
				throw ex;
			}
			catch (RuntimeException | Error ex) {
				attempts.deleteQuietly(tempName);
				throw ex;
			}
			FtpSession session = attempts.session();
			try {
				session.replace(tempName, fileName, path);
			}
			catch (RuntimeException ex) {
				session.deleteQuietly(tempName);
				throw ex;
			}
			UploadResult result = new UploadResult(path, stored.command(), stored.fallback(), stored.bytes());
			transcript.status("Uploaded " + stored.bytes() + " bytes to " + path + " (" + stored.command()
					+ (stored.fallback() ? ", after falling back" : "") + ")");
			logger.info("Uploaded {} bytes to {} on {} ({}{})", stored.bytes(), path, target.endpoint(),
					stored.command(), stored.fallback() ? ", fallback" : "");
			return result;
		}
		finally {
			attempts.close();
		}
	}

}
