package dev.ferry.transfer;

/**
 * The names an upload may take, in order of preference: the first that is free on the
 * server is used, so that an upload never replaces a file it did not create.
 */
@FunctionalInterface
public interface UploadNames {

	/**
	 * The name to try in the given place.
	 * @param attempt 0 for the preferred name, then 1, 2, ...
	 * @return a plain file name, or {@code null} when there are no more
	 */
	String candidate(int attempt);

	/** Exactly one name: the upload fails if it is taken. */
	static UploadNames only(String fileName) {
		RemotePaths.requireFileName(fileName);
		return (attempt) -> (attempt == 0) ? fileName : null;
	}

}
