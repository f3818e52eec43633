package dev.ferry.archive;

/**
 * Follows an archive while it is written, for live progress. Called on the archiving
 * thread; implementations must be cheap and thread-safe for their readers.
 */
public interface ArchiveProgress {

	/** Follows nothing. */
	ArchiveProgress NONE = new ArchiveProgress() {

		@Override
		public void entryArchived() {
		}

		@Override
		public void bytesRead(long count) {
		}

	};

	/**
	 * A regular file or symbolic link was stored, as counted by
	 * {@link ArchiveStats#filesArchived()}.
	 */
	void entryArchived();

	/**
	 * More file content was read from disk, as summed by
	 * {@link ArchiveStats#bytesRead()}; called once per buffer, not per byte.
	 */
	void bytesRead(long count);

}
