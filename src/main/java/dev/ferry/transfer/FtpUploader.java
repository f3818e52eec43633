package dev.ferry.transfer;

import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Opens a target's remote directory for uploads that are atomic and verified (see
 * {@link RemoteDirectory#upload}), and for listing and deleting; or uploads one file on a
 * connection of its own.
 * <p>
 * The data connection is opened as the target's {@link TransferMode} says; in
 * {@link TransferMode#AUTO} a data connection that cannot be opened is retried in the
 * other direction before anything was written (see {@link DataAttempts}).
 * <p>
 * Nothing on the server is ever replaced: an upload takes a name that is free (see
 * {@link RemoteDirectory#upload(UploadNames, UploadContent)}), and only what it created
 * is ever deleted.
 * <p>
 * Each directory uses its own connection, so one instance serves concurrent callers.
 */
@Component
public class FtpUploader {

	private final FtpConnector connector;

	private final TransferProperties properties;

	public FtpUploader(TransferProperties properties) {
		this.properties = Objects.requireNonNull(properties, "properties");
		this.connector = new FtpConnector(properties);
	}

	/**
	 * Connects, logs in and enters the target's remote directory, creating it if needed.
	 * @param target where and how
	 * @param transcript receives the control-channel transcript, passwords masked
	 * @param cancellation stops whatever the directory is doing, from another thread
	 * @return the directory; the caller closes it
	 * @throws TransferException if the server cannot be reached, refuses the login or the
	 * directory
	 */
	public RemoteDirectory open(FtpTarget target, Transcript transcript, Cancellation cancellation) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(transcript, "transcript");
		Objects.requireNonNull(cancellation, "cancellation");
		return new RemoteDirectory(this.connector, target, this.properties, transcript, cancellation, true);
	}

	/**
	 * Connects, logs in and enters the target's remote directory, which must exist: for
	 * looking only, so that nothing on the server changes.
	 * @throws TransferException if the server cannot be reached, refuses the login, or
	 * the directory does not exist or cannot be entered
	 */
	public RemoteDirectory openExisting(FtpTarget target, Transcript transcript, Cancellation cancellation) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(transcript, "transcript");
		Objects.requireNonNull(cancellation, "cancellation");
		return new RemoteDirectory(this.connector, target, this.properties, transcript, cancellation, false);
	}

	/**
	 * Uploads content under a file name into the target's remote directory on a
	 * connection of its own, as {@link RemoteDirectory#upload} does.
	 * @param target where and how to upload
	 * @param fileName plain file name, without directories
	 * @param content writes the bytes; called once the data connection is open, and never
	 * again once it has written anything
	 * @param transcript receives the control-channel transcript, passwords masked,
	 * whatever becomes of the upload
	 * @return where the file went, how, and how it was verified
	 * @throws TransferException on any FTP failure, its type telling the phase
	 * @throws RuntimeException the very exception thrown by {@code content}, after the
	 * partial upload was removed
	 */
	public UploadResult upload(FtpTarget target, String fileName, UploadContent content, Transcript transcript) {
		Objects.requireNonNull(content, "content");
		RemotePaths.requireFileName(fileName);
		try (RemoteDirectory directory = open(target, transcript, new Cancellation())) {
			return directory.upload(fileName, content);
		}
	}

}
