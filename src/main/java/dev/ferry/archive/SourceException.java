package dev.ferry.archive;

import java.nio.file.Path;

/**
 * A source directory is missing, not a directory or unreadable; the message names the
 * path and the reason. Thrown before anything is written.
 */
public class SourceException extends RuntimeException {

	SourceException(Path source, String reason, Throwable cause) {
		super("Source directory " + source + " " + reason, cause);
	}

}
