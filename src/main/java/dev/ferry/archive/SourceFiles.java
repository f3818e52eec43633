package dev.ferry.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the archiver opens files and lists directories. Tests replace a method to make a
 * source change at an exact moment (a file vanishing between listing and opening), which
 * permissions cannot do when tests run as root.
 */
interface SourceFiles {

	SourceFiles DEFAULT = new SourceFiles() {
	};

	/** Opens a regular file, refusing a symbolic link swapped in since it was listed. */
	default InputStream open(Path file) throws IOException {
		return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
	}

	/** Lists a directory's children, in no particular order. */
	default List<Path> list(Path directory) throws IOException {
		List<Path> children = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
			stream.forEach(children::add);
		}
		catch (DirectoryIteratorException ex) {
			throw ex.getCause();
		}
		return children;
	}

	default Path readSymbolicLink(Path link) throws IOException {
		return Files.readSymbolicLink(link);
	}

}
