package dev.ferry.transfer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A target's remote directory on one logged-in connection: uploads that are atomic and
 * verified, listing and deleting, so that a run uploads and prunes on a single login. A
 * {@link Cancellation} stops any step within seconds: it resets the data connection at
 * once and, if the step is still blocked after a short grace, closes the control
 * connection too. {@link #close()} logs out and never throws.
 */
public final class RemoteDirectory implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RemoteDirectory.class);

	/** How long a cancelled step may still use the control connection to clean up. */
	private static final long CANCEL_GRACE_MILLIS = 5000;

	private final DataAttempts attempts;

	private final FtpTarget target;

	private final Transcript transcript;

	private final Cancellation cancellation;

	private final Runnable unregister;

	private volatile boolean closed;

	RemoteDirectory(FtpConnector connector, FtpTarget target, TransferProperties properties, Transcript transcript,
			Cancellation cancellation) {
		this.target = target;
		this.transcript = transcript;
		this.cancellation = cancellation;
		this.attempts = new DataAttempts(connector, target, properties.forTarget(target), transcript);
		this.unregister = cancellation.onCancel(this::abort);
		try {
			cancellation.check("connecting to " + target.endpoint());
			this.attempts.session();
		}
		catch (RuntimeException ex) {
			close();
			throw cancelledOr(ex, "connecting to " + target.endpoint());
		}
	}

	public String remoteDir() {
		return this.target.remoteDir();
	}

	public String endpoint() {
		return this.target.endpoint();
	}

	/**
	 * Uploads content under a file name: it streams into {@code .<fileName>.part}, which
	 * is checked ({@code SIZE}, and the strongest hash the server offers), then its
	 * SHA-256 is uploaded beside it as {@code <fileName>.sha256} in {@code sha256sum}
	 * format, and only then is it renamed to {@code fileName}. On any failure the partial
	 * files are removed and no file appears under the final name.
	 * @param fileName plain file name, without directories
	 * @param content writes the bytes; called once the data connection is open, and never
	 * again once it has written anything
	 * @return where the file went, how, its SHA-256 and the checks that passed
	 * @throws TransferException on any FTP failure or mismatch, its phase telling where
	 * @throws RuntimeException the very exception thrown by {@code content}, after the
	 * partial upload was removed
	 */
	public UploadResult upload(String fileName, UploadContent content) {
		RemotePaths.requireFileName(fileName);
		String step = "uploading " + fileName;
		this.cancellation.check(step);
		String tempName = "." + fileName + ".part";
		String path = RemotePaths.pathOf(remoteDir(), fileName);
		Optional<HashCommand> serverHash = HashCommand.choose(this.attempts.session().features());
		Hashes hashes = new Hashes(serverHash);
		DataAttempts.Stored stored;
		try {
			stored = this.attempts.store(tempName, RemotePaths.pathOf(remoteDir(), tempName),
					new OnceWritten(hashes.hashing(content)));
		}
		catch (DataConnectionException ex) {
			// Nothing was written: DataAttempts removed what a server may have created.
			throw cancelledOr(ex, step);
		}
		catch (RuntimeException ex) {
			removeQuietly(tempName);
			throw cancelledOr(ex, step);
		}
		catch (Error ex) {
			removeQuietly(tempName);
			throw ex;
		}
		// AUTO may have fallen back on a new connection
		FtpSession session = this.attempts.session();
		String sha256 = hashes.hex(HashAlgorithm.SHA_256);
		String checksumName = fileName + ".sha256";
		String checksumTemp = "." + checksumName + ".part";
		String checksumPath = RemotePaths.pathOf(remoteDir(), checksumName);
		boolean checksumPublished = false;
		try {
			this.cancellation.check("verifying " + path);
			List<String> checks = new Verifier(session, this.attempts.timeouts().control()).verify(tempName,
					RemotePaths.pathOf(remoteDir(), tempName), stored.bytes(), hashes, serverHash);
			this.cancellation.check("uploading " + checksumPath);
			byte[] line = (sha256 + "  " + fileName + "\n").getBytes(StandardCharsets.UTF_8);
			this.attempts.store(checksumTemp, RemotePaths.pathOf(remoteDir(), checksumTemp), (out) -> out.write(line));
			session.replace(checksumTemp, checksumName, checksumPath);
			checksumPublished = true;
			this.cancellation.check("renaming " + tempName + " to " + fileName);
			session.replace(tempName, fileName, path);
			UploadResult result = new UploadResult(path, stored.command(), stored.fallback(), stored.bytes(), sha256,
					checks, checksumPath);
			this.transcript.status("Uploaded " + stored.bytes() + " bytes to " + path + " (" + stored.command()
					+ (stored.fallback() ? ", after falling back" : "") + "), verified by "
					+ (checks.isEmpty() ? "nothing the server offers" : String.join(" and ", checks)));
			logger.info("Uploaded {} bytes to {} on {} ({}{}), verified by {}", stored.bytes(), path, endpoint(),
					stored.command(), stored.fallback() ? ", fallback" : "", checks);
			return result;
		}
		catch (RuntimeException ex) {
			if (checksumPublished) {
				removeQuietly(tempName, checksumTemp, checksumName);
			}
			else {
				removeQuietly(tempName, checksumTemp);
			}
			throw cancelledOr(ex, "verifying " + path);
		}
	}

	/**
	 * The names of the entries in the directory, read with {@code NLST} over a data
	 * connection opened as uploads are.
	 * @throws TransferException if the server refuses or fails
	 */
	public List<String> listFileNames() {
		String step = "listing " + remoteDir();
		this.cancellation.check(step);
		try {
			return this.attempts
				.transfer("Listing " + remoteDir(), null,
						(command) -> new Listing(this.attempts.session()).run(command, remoteDir()))
				.result();
		}
		catch (RuntimeException ex) {
			throw cancelledOr(ex, step);
		}
	}

	/**
	 * Deletes a file in the directory.
	 * @param name plain file name
	 * @throws TransferException with the server's reply if it refuses
	 */
	public void delete(String name) {
		RemotePaths.requireFileName(name);
		String step = "deleting " + name;
		this.cancellation.check(step);
		try {
			this.attempts.session().delete(name, RemotePaths.pathOf(remoteDir(), name));
		}
		catch (RuntimeException ex) {
			throw cancelledOr(ex, step);
		}
	}

	/**
	 * Removes what a failed upload left, on a new connection when the failure (or a
	 * cancel) broke this one. Never throws.
	 */
	private void removeQuietly(String... names) {
		boolean answered = true;
		FtpSession session = this.attempts.openSession();
		if (session != null) {
			for (String name : names) {
				answered &= session.deleteQuietly(name);
			}
			if (answered) {
				return;
			}
		}
		this.attempts.close();
		try (FtpSession fresh = this.attempts.connector().open(this.target, this.transcript)) {
			fresh.enterExistingDirectory(remoteDir());
			this.transcript.status("Removing what the failed upload left, on a new connection");
			for (String name : names) {
				fresh.deleteQuietly(name);
			}
		}
		catch (TransferException ex) {
			this.transcript
				.status("Could not reconnect to remove " + String.join(", ", names) + ": " + ex.getMessage());
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.unregister.run();
		this.attempts.close();
	}

	/** Resets the data connection now; closes the control connection if still needed. */
	private void abort() {
		FerryFtpClient client = this.attempts.client();
		if (client == null) {
			return;
		}
		client.abortDataConnection();
		Thread closer = new Thread(() -> {
			try {
				Thread.sleep(CANCEL_GRACE_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (!this.closed) {
				client.closeControl();
			}
		}, "ferry-cancel");
		closer.setDaemon(true);
		closer.start();
	}

	/** After a cancel, any failure is the cancel's doing. */
	private RuntimeException cancelledOr(RuntimeException ex, String step) {
		if (!this.cancellation.isCancelled() || ex instanceof TransferCancelledException) {
			return ex;
		}
		TransferCancelledException cancelled = new TransferCancelledException(
				"Cancelled while " + step + " on " + endpoint());
		cancelled.addSuppressed(ex);
		return cancelled;
	}

}
