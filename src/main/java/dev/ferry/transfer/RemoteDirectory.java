package dev.ferry.transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * A target's remote directory on one logged-in connection: uploads that are atomic and
 * verified, listing and deleting, so that a run uploads and prunes on a single login. A
 * {@link Cancellation} stops any step within seconds: it resets the data connection at
 * once and, if the step is still blocked after a short grace, closes the control
 * connection too. {@link #close()} logs out and never throws.
 */
public final class RemoteDirectory implements AutoCloseable {

	/** How long a cancelled step may still use the control connection to clean up. */
	private static final long CANCEL_GRACE_MILLIS = 5000;

	private final DataAttempts attempts;

	private final FtpTarget target;

	private final Transcript transcript;

	private final Cancellation cancellation;

	private final Runnable unregister;

	private volatile boolean closed;

	/** The names as last listed, with this connection's own changes since; or null. */
	private List<String> listed;

	/**
	 * @param create whether to create the remote directory when it is missing; without, a
	 * missing directory fails the open, and nothing on the server changes
	 */
	RemoteDirectory(FtpConnector connector, FtpTarget target, TransferProperties properties, Transcript transcript,
			Cancellation cancellation, boolean create) {
		this.target = target;
		this.transcript = transcript;
		this.cancellation = cancellation;
		this.attempts = new DataAttempts(connector, target, properties.forTarget(target), transcript, create);
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
	 * Uploads content under the first of its names that is free on the server: it streams
	 * into {@code .<name>.part}, which is checked ({@code SIZE}, and the strongest hash
	 * the server offers), then its SHA-256 is uploaded beside it as {@code <name>.sha256}
	 * in {@code sha256sum} format, and only then is it renamed to {@code name}. A name is
	 * free when neither it, its checksum file nor their partial files exist, in any
	 * spelling; each is checked again right before it is created. Nothing that exists is
	 * ever replaced or deleted; on any failure the files this upload created are removed
	 * and no file appears under the final name.
	 * @param names the names it may take, the preferred first
	 * @param content writes the bytes; called once the data connection is open, and never
	 * again once it has written anything
	 * @return where the file went, how, its SHA-256, the checks that passed, and what is
	 * worth a warning (nothing could verify it, a lost reply)
	 * @throws TransferException on any FTP failure or mismatch, its phase telling where
	 * @throws RuntimeException the very exception thrown by {@code content}, after the
	 * partial upload was removed
	 */
	public UploadResult upload(UploadNames names, UploadContent content) {
		return new AtomicUpload(this, this.attempts, this.transcript, this.cancellation).run(names, content);
	}

	/**
	 * Uploads content under exactly this name, as
	 * {@link #upload(UploadNames, UploadContent)}.
	 */
	public UploadResult upload(String fileName, UploadContent content) {
		return upload(UploadNames.only(fileName), content);
	}

	/**
	 * The names of the entries in the directory, read now with {@code NLST} over a data
	 * connection opened as uploads are.
	 * @throws TransferException if the server refuses or fails
	 */
	public List<String> listFileNames() {
		String step = "listing " + remoteDir();
		this.cancellation.check(step);
		try {
			this.listed = new ArrayList<>(listFresh());
			return List.copyOf(this.listed);
		}
		catch (RuntimeException ex) {
			throw cancelledOr(ex, step);
		}
	}

	/**
	 * The names in the directory as this connection last listed them (listing it now if
	 * it has not yet), with what it uploaded and deleted since.
	 * @throws TransferException if the server refuses or fails to list
	 */
	public List<String> entries() {
		return (this.listed != null) ? List.copyOf(this.listed) : listFileNames();
	}

	List<String> listFresh() {
		return this.attempts
			.transfer("Listing " + remoteDir(), null,
					(command) -> new Listing(this.attempts.session()).run(command, remoteDir()))
			.result();
	}

	/** Notes files this connection created, for {@link #entries()}. */
	void created(String... names) {
		if (this.listed != null) {
			this.listed.addAll(List.of(names));
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
			if (this.listed != null) {
				this.listed.remove(name);
			}
		}
		catch (RuntimeException ex) {
			throw cancelledOr(ex, step);
		}
	}

	/**
	 * Removes what a failed upload left, on a new connection when the failure (or a
	 * cancel) broke this one. Never throws.
	 */
	void removeQuietly(String... names) {
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
	RuntimeException cancelledOr(RuntimeException ex, String step) {
		if (!this.cancellation.isCancelled() || ex instanceof TransferCancelledException
				|| (ex instanceof TransferException transfer && transfer.mayHavePublished())) {
			// an unclear outcome stays what it is: "cancelled" would claim too much
			return ex;
		}
		TransferCancelledException cancelled = new TransferCancelledException(
				"Cancelled while " + step + " on " + endpoint());
		cancelled.addSuppressed(ex);
		return cancelled;
	}

}
