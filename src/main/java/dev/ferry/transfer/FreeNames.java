package dev.ferry.transfer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the name an upload takes: the first of its candidates under which nothing exists
 * on the server, so that nothing is ever replaced.
 */
final class FreeNames {

	private final RemoteDirectory directory;

	private final DataAttempts attempts;

	private final Transcript transcript;

	private final Cancellation cancellation;

	FreeNames(RemoteDirectory directory, DataAttempts attempts, Transcript transcript, Cancellation cancellation) {
		this.directory = directory;
		this.attempts = attempts;
		this.transcript = transcript;
		this.cancellation = cancellation;
	}

	/**
	 * The first candidate whose archive, checksum and partial names are all free, as the
	 * server answers {@code MDTM}/{@code SIZE} (which sees hidden files, and any spelling
	 * on a case-insensitive server); where it answers neither, as the directory's listing
	 * shows (compared case-insensitively).
	 */
	Choice choose(UploadNames names) {
		Set<String> listed = null;
		boolean listingTried = false;
		String first = null;
		for (int attempt = 0;; attempt++) {
			String name = names.candidate(attempt);
			if (name == null) {
				throw new FtpTransferException("Uploading into " + this.directory.remoteDir() + " on "
						+ this.directory.endpoint() + " failed: every name it may take is taken (" + attempt
						+ " tried, the first " + first + "); Ferry never replaces a file it did not create");
			}
			RemotePaths.requireFileName(name);
			first = (first != null) ? first : name;
			List<String> own = List.of(name, "." + name + AtomicUpload.PART, name + AtomicUpload.CHECKSUM,
					"." + name + AtomicUpload.CHECKSUM + AtomicUpload.PART);
			String taken = null;
			boolean unknown = false;
			for (String n : own) {
				Presence presence = this.attempts.session().presence(n);
				if (presence == Presence.PRESENT) {
					taken = n;
					break;
				}
				unknown |= presence == Presence.UNKNOWN;
			}
			if (taken == null && unknown) {
				if (!listingTried) {
					listed = listedLowerCase();
					listingTried = true;
				}
				Set<String> present = listed;
				taken = (present != null)
						? own.stream().filter((n) -> present.contains(lower(n))).findFirst().orElse(null) : null;
			}
			if (taken == null) {
				return new Choice(name,
						(unknown && listed == null) ? Optional.of("Ferry could not check that " + path(name)
								+ " was free: the server answers neither MDTM nor SIZE and lists nothing (the "
								+ "name carries the run, so a clash is unlikely)") : Optional.empty());
			}
			this.transcript
				.status(path(taken) + " already exists: " + name + " is not used, so that nothing is " + "replaced");
		}
	}

	private Set<String> listedLowerCase() {
		try {
			return this.directory.entries().stream().map(FreeNames::lower).collect(Collectors.toSet());
		}
		catch (TransferException ex) {
			if (this.cancellation.isCancelled()) {
				throw this.directory.cancelledOr(ex, "listing " + this.directory.remoteDir());
			}
			this.transcript.status("Listing " + this.directory.remoteDir() + " failed: " + ex.getMessage());
			return null;
		}
	}

	private String path(String name) {
		return RemotePaths.pathOf(this.directory.remoteDir(), name);
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * @param name the name to take
	 * @param warning what the run should say when whether it was free could not be
	 * checked
	 */
	record Choice(String name, Optional<String> warning) {
	}

}
