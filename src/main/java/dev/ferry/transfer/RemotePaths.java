package dev.ferry.transfer;

/**
 * Small helpers for remote paths, which always use {@code /}.
 */
final class RemotePaths {

	private RemotePaths() {
	}

	/** Whether a remote directory means "stay in the login directory". */
	static boolean isLoginDirectory(String remoteDir) {
		return remoteDir == null || remoteDir.isBlank() || "/".equals(remoteDir.strip());
	}

	/** Joins a directory and a name; an empty directory yields the bare name. */
	static String join(String dir, String name) {
		if (dir.isEmpty()) {
			return name;
		}
		return dir.endsWith("/") ? dir + name : dir + "/" + name;
	}

	/**
	 * The path of a file uploaded into a target's remote directory, relative to the login
	 * directory when that is where the file goes.
	 */
	static String pathOf(String remoteDir, String fileName) {
		return isLoginDirectory(remoteDir) ? fileName : join(remoteDir.strip(), fileName);
	}

	/**
	 * Checks that a name is a plain file name: not blank, no {@code /}, not {@code .} or
	 * {@code ..}.
	 */
	static String requireFileName(String fileName) {
		if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")
				|| ".".equals(fileName) || "..".equals(fileName)
				|| fileName.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("Not a plain file name: '" + fileName + "'");
		}
		return fileName;
	}

}
