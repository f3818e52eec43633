package dev.ferry.run;

import java.util.List;

import dev.ferry.transfer.DataCommand;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What a successful run left on the server, and how it got there; empty for the other
 * runs.
 */
@Embeddable
public class PublishedArchive {

	private String remotePath;

	private String sha256;

	@Enumerated(EnumType.STRING)
	private DataCommand transferModeUsed;

	private boolean transferFallback;

	/** The checks that confirmed the upload, comma-separated. */
	private String verification;

	private String checksumPath;

	protected PublishedArchive() {
	}

	static PublishedArchive of(RunOutcome outcome) {
		PublishedArchive archive = new PublishedArchive();
		archive.remotePath = outcome.remotePath();
		archive.sha256 = outcome.sha256();
		archive.transferModeUsed = outcome.transferModeUsed();
		archive.transferFallback = outcome.transferFallback();
		archive.verification = String.join(",", outcome.verification());
		archive.checksumPath = outcome.checksumPath();
		return archive;
	}

	/** Where the archive is on the server. */
	public String getRemotePath() {
		return this.remotePath;
	}

	public String getSha256() {
		return this.sha256;
	}

	/** The data-connection command the upload used. */
	public DataCommand getTransferModeUsed() {
		return this.transferModeUsed;
	}

	/**
	 * Whether AUTO mode had to fall back from the data-connection command it tried first.
	 */
	public boolean isTransferFallback() {
		return this.transferFallback;
	}

	/** The checks that confirmed the upload, e.g. {@code [SIZE, SHA-256]}. */
	public List<String> getVerification() {
		return (this.verification == null || this.verification.isEmpty()) ? List.of()
				: List.of(this.verification.split(","));
	}

	/** The {@code sha256sum} file uploaded beside the archive. */
	public String getChecksumPath() {
		return this.checksumPath;
	}

}
