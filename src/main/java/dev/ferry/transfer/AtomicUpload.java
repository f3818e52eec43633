package dev.ferry.transfer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upload into a {@link RemoteDirectory} that replaces nothing and claims nothing it
 * did not check: it takes the first of its names that is free on the server, streams into
 * {@code .{name}.part}, verifies that file, publishes its SHA-256 as
 * {@code {name}.sha256} and renames it to {@code name}. Every name is checked again right
 * before it is created, and nothing but what this upload created is ever deleted. When
 * the reply to a rename is lost (a cancel closed the connection, the network failed), it
 * looks on a new connection and goes by what is really there.
 */
final class AtomicUpload {

	private static final Logger logger = LoggerFactory.getLogger(AtomicUpload.class);

	static final String PART = ".part";

	static final String CHECKSUM = ".sha256";

	private final RemoteDirectory directory;

	private final DataAttempts attempts;

	private final Transcript transcript;

	private final Cancellation cancellation;

	private final List<String> warnings = new ArrayList<>();

	AtomicUpload(RemoteDirectory directory, DataAttempts attempts, Transcript transcript, Cancellation cancellation) {
		this.directory = directory;
		this.attempts = attempts;
		this.transcript = transcript;
		this.cancellation = cancellation;
	}

	UploadResult run(UploadNames names, UploadContent content) {
		this.cancellation.check("uploading into " + this.directory.remoteDir());
		FreeNames.Choice choice = new FreeNames(this.directory, this.attempts, this.transcript, this.cancellation)
			.choose(names);
		String fileName = choice.name();
		choice.warning().ifPresent(this.warnings::add);
		String tempName = "." + fileName + PART;
		String path = path(fileName);
		String step = "uploading " + fileName;
		Optional<HashCommand> serverHash = HashCommand.choose(this.attempts.session().features());
		Hashes hashes = new Hashes(serverHash);
		DataAttempts.Stored stored;
		try {
			stored = this.attempts.store(tempName, path(tempName), new OnceWritten(hashes.hashing(content)));
		}
		catch (DataConnectionException ex) {
			// Nothing was written: DataAttempts removed what a server may have created.
			throw this.directory.cancelledOr(ex, step);
		}
		catch (RuntimeException ex) {
			this.directory.removeQuietly(tempName);
			throw this.directory.cancelledOr(ex, step);
		}
		catch (Error ex) {
			this.directory.removeQuietly(tempName);
			throw ex;
		}
		String sha256 = hashes.hex(HashAlgorithm.SHA_256);
		String checksumName = fileName + CHECKSUM;
		String checksumTemp = "." + checksumName + PART;
		List<String> created = new ArrayList<>(List.of(tempName));
		List<String> checks;
		try {
			this.cancellation.check("verifying " + path);
			// AUTO may have fallen back on a new connection
			FtpSession session = this.attempts.session();
			checks = new Verifier(session, this.attempts.timeouts().control()).verify(tempName, path(tempName),
					stored.bytes(), hashes, serverHash);
			if (checks.isEmpty()) {
				unverified(session.target(), path, stored.bytes());
			}
			this.cancellation.check("uploading " + path(checksumName));
			byte[] line = (sha256 + "  " + fileName + "\n").getBytes(StandardCharsets.UTF_8);
			requireFree(checksumTemp);
			created.add(checksumTemp);
			this.attempts.store(checksumTemp, path(checksumTemp), (out) -> out.write(line));
			requireFree(checksumName);
			publish(checksumTemp, checksumName);
			created.add(checksumName);
			this.cancellation.check("renaming " + tempName + " to " + fileName);
			requireFree(fileName);
			publish(tempName, fileName);
		}
		catch (UncertainRename ex) {
			// what it renamed may now be a file of the same name that someone else put
			// there: leave it, and say so
			created.remove(ex.to);
			this.directory.removeQuietly(created.toArray(String[]::new));
			throw this.directory.cancelledOr(ex, "publishing " + path);
		}
		catch (RuntimeException ex) {
			this.directory.removeQuietly(created.toArray(String[]::new));
			throw this.directory.cancelledOr(ex, "verifying " + path);
		}
		if (this.cancellation.isCancelled()) {
			this.warnings.add("A cancel was requested while " + path + " was being renamed to its final name; "
					+ "the rename went through, so the archive is published and stays");
		}
		this.directory.created(fileName, checksumName);
		this.transcript.status("Uploaded " + stored.bytes() + " bytes to " + path + " (" + stored.command()
				+ (stored.fallback() ? ", after falling back" : "") + "), verified by "
				+ (checks.isEmpty() ? "nothing the server offers" : String.join(" and ", checks)));
		logger.info("Uploaded {} bytes to {} on {} ({}{}), verified by {}", stored.bytes(), path,
				this.directory.endpoint(), stored.command(), stored.fallback() ? ", fallback" : "", checks);
		return new UploadResult(path, fileName, stored.command(), stored.fallback(), stored.bytes(), sha256, checks,
				path(checksumName), this.warnings);
	}

	/**
	 * Refuses to create a name that exists by now: someone put a file there while this
	 * upload ran.
	 */
	private void requireFree(String name) {
		if (!this.attempts.session().presence(name).free()) {
			throw new FtpTransferException("Uploading " + path(name) + " on " + this.directory.endpoint()
					+ " failed: a file of that name appeared on the server while Ferry uploaded; Ferry never replaces "
					+ "a file it did not create");
		}
	}

	/**
	 * The server offers nothing that could confirm the upload: a warning in binary type;
	 * in ASCII type, which rewrites the line ends of binary archives, a failure.
	 */
	private void unverified(FtpTarget target, String path, long bytes) {
		if (target.fileType() == FileType.ASCII) {
			throw new FtpVerificationException("Verifying " + path + " on " + this.directory.endpoint()
					+ " failed: the server offers neither SIZE nor a hash, so nothing can confirm that the ASCII "
					+ "transfer type left the archive intact — ASCII rewrites line endings in binary archives: set "
					+ "fileType to BINARY", true);
		}
		this.warnings.add("Not verified: the server offers no SIZE or hash, so nothing confirmed that " + path
				+ " holds the " + bytes + " bytes sent");
	}

	/**
	 * Renames a file to its final name. When the server's reply does not come (the
	 * connection failed or a cancel closed it), whether the rename happened is found out
	 * on a new connection.
	 * @throws UncertainRename when that cannot be found out either
	 */
	private void publish(String from, String to) {
		try {
			this.attempts.session().rename(from, to, path(to));
			return;
		}
		catch (TransferException ex) {
			if (ex.replyCode() != 0) {
				// the server refused: nothing was renamed
				throw ex;
			}
			this.transcript.status(
					"No reply to renaming " + from + " to " + to + "; looking on a new connection whether it happened");
			switch (look(from, to)) {
				case DONE -> {
					this.transcript.status(path(to) + " is there and " + from + " is gone: the rename happened");
					this.warnings.add("The reply to renaming " + from + " to " + to + " was lost (" + ex.getMessage()
							+ "); Ferry looked on a new connection: the rename happened");
				}
				case NOT_DONE -> throw ex;
				default -> {
					UncertainRename uncertain = new UncertainRename(
							"Renaming " + from + " to " + path(to) + " on " + this.directory.endpoint()
									+ ": no reply came, and Ferry could not tell afterwards whether "
									+ "it happened; check " + path(to) + " on the server",
							to);
					uncertain.addSuppressed(ex);
					throw uncertain;
				}
			}
		}
	}

	/** Whether a rename happened, as a new connection sees the directory. */
	private Seen look(String from, String to) {
		this.attempts.close();
		try {
			FtpSession session = this.attempts.session();
			Presence target = session.presence(to);
			Presence source = session.presence(from);
			if (target == Presence.UNKNOWN || source == Presence.UNKNOWN) {
				Set<String> names = this.directory.listFresh()
					.stream()
					.map(AtomicUpload::lower)
					.collect(Collectors.toSet());
				target = names.contains(lower(to)) ? Presence.PRESENT : Presence.ABSENT;
				source = names.contains(lower(from)) ? Presence.PRESENT : Presence.ABSENT;
			}
			if (target == Presence.PRESENT && source == Presence.ABSENT) {
				return Seen.DONE;
			}
			return (source == Presence.PRESENT && target == Presence.ABSENT) ? Seen.NOT_DONE : Seen.UNCLEAR;
		}
		catch (TransferException ex) {
			this.transcript.status("Could not look: " + ex.getMessage());
			return Seen.UNCLEAR;
		}
	}

	private String path(String name) {
		return RemotePaths.pathOf(this.directory.remoteDir(), name);
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private enum Seen {

		DONE, NOT_DONE, UNCLEAR

	}

	/** A rename whose outcome nobody can tell. */
	static final class UncertainRename extends TransferException {

		private final String to;

		UncertainRename(String message, String to) {
			super(TransferPhase.TRANSFER, message, null);
			this.to = to;
		}

		@Override
		public boolean mayHavePublished() {
			return true;
		}

	}

}
