package dev.ferry.archive;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Sums what an archive of a source would contain, honouring the excludes as the archive
 * does, from file attributes only: no content is read, no link followed (but a root that
 * is a link, as the archive does), nothing unreadable reported, and nothing held but the
 * walk's own state.
 */
final class SizeScan extends SimpleFileVisitor<Path> {

	private final Excludes excludes;

	private Path root;

	private long files;

	private long bytes;

	SizeScan(Excludes excludes) {
		this.excludes = excludes;
	}

	void scan(Path source) {
		try {
			this.root = source.toRealPath();
			Files.walkFileTree(this.root, this);
		}
		catch (IOException ex) {
			// an estimate: whatever could not be seen counts as nothing
		}
	}

	SizeEstimate estimate() {
		return new SizeEstimate(this.files, this.bytes);
	}

	@Override
	public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
		if (Thread.currentThread().isInterrupted()) {
			return FileVisitResult.TERMINATE;
		}
		String relative = relative(dir);
		return (!relative.isEmpty() && this.excludes.excludes(relative, true)) ? FileVisitResult.SKIP_SUBTREE
				: FileVisitResult.CONTINUE;
	}

	@Override
	public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
		if (this.excludes.excludes(relative(file), attributes.isDirectory())) {
			return FileVisitResult.CONTINUE;
		}
		if (attributes.isRegularFile()) {
			this.files++;
			this.bytes += attributes.size();
		}
		else if (attributes.isSymbolicLink()) {
			this.files++;
		}
		return FileVisitResult.CONTINUE;
	}

	@Override
	public FileVisitResult visitFileFailed(Path file, IOException ex) {
		return FileVisitResult.CONTINUE;
	}

	private String relative(Path path) {
		return this.root.relativize(path).toString();
	}

}
