package dev.ferry.archive;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Collects what went wrong with single files. Only the first {@value #LIMIT} are kept so
 * that a tree full of unreadable files cannot fill the heap; the rest go to the log.
 */
final class Warnings {

	static final int LIMIT = 1000;

	private static final Log logger = LogFactory.getLog(Archiver.class);

	private final List<String> listed = new ArrayList<>();

	private long unlisted;

	void add(String warning) {
		if (this.listed.size() < LIMIT) {
			this.listed.add(warning);
		}
		else {
			this.unlisted++;
			logger.warn(warning);
		}
	}

	List<String> toList() {
		if (this.unlisted == 0) {
			return List.copyOf(this.listed);
		}
		List<String> all = new ArrayList<>(this.listed);
		all.add(this.unlisted + " more warnings were logged but are not listed here");
		return all;
	}

	/** Why an operation failed, in words; the JDK's messages often hold just the path. */
	static String reason(IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return "it no longer exists";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof FileSystemException fileSystemException && fileSystemException.getReason() != null) {
			return fileSystemException.getReason();
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
