package dev.ferry.security;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner may read: the generated admin password's hash, the secret key.
 */
final class OwnerOnly {

	private OwnerOnly() {
	}

	/**
	 * Creates the file, readable and writable by its owner only where the file system can
	 * say so.
	 */
	static Path create(Path file) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return Files.createFile(file,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		return Files.createFile(file);
	}

}
