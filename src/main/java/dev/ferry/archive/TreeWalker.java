package dev.ferry.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Walks source trees depth first, each directory before its children and children in byte
 * order of their names, and hands every entry to the writer. Symbolic links are stored,
 * never followed. Problems with single files become warnings; only the writer's (the
 * sink's) IOExceptions leave this class.
 */
final class TreeWalker {

	// Path.compareTo on Unix compares the raw name bytes, like 'tar --sort=name'.
	private static final Comparator<Path> BY_NAME = Comparator.comparing(Path::getFileName);

	private static final char UNDECODABLE = '\uFFFD';

	private final EntryWriter writer;

	private final SourceFiles files;

	private final Excludes excludes;

	private final ArchiveProgress progress;

	private final Warnings warnings;

	private final StatReader stats = new StatReader();

	private final FileCopier copier;

	private long filesArchived;

	private long directoriesArchived;

	TreeWalker(EntryWriter writer, SourceFiles files, Excludes excludes, Warnings warnings, ArchiveProgress progress) {
		this.writer = writer;
		this.files = files;
		this.excludes = excludes;
		this.warnings = warnings;
		this.progress = progress;
		this.copier = new FileCopier(warnings, progress);
	}

	/** Archives {@code root} under its own name; a symbolic link as root is followed. */
	void walk(Path root) throws IOException {
		String name = root.getFileName().toString();
		FileStat stat;
		try {
			stat = this.stats.read(root);
		}
		catch (IOException ex) {
			this.warnings.add(root + ": source directory skipped, " + Warnings.reason(ex));
			return;
		}
		// Iterative rather than recursive: a deep tree must not exhaust the stack.
		Deque<Directory> pending = new ArrayDeque<>();
		enterDirectory(root, new Location(name, ""), stat, pending);
		while (!pending.isEmpty()) {
			Directory directory = pending.peek();
			if (directory.children().hasNext()) {
				visit(directory.children().next(), directory.location(), pending);
			}
			else {
				pending.pop();
			}
		}
	}

	ArchiveStats stats() {
		return new ArchiveStats(this.filesArchived, this.directoriesArchived, this.copier.bytesRead(),
				this.warnings.toList());
	}

	private void visit(Path path, Location parent, Deque<Directory> pending) throws IOException {
		if (Thread.currentThread().isInterrupted()) {
			throw new InterruptedIOException("Archiving was interrupted");
		}
		String name = path.getFileName().toString();
		Location here = parent.child(name);
		FileStat stat;
		try {
			stat = this.stats.read(path, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			this.warnings.add(path + ": skipped, cannot read its attributes: " + Warnings.reason(ex));
			return;
		}
		if (this.excludes.excludes(here.relativePath(), stat.kind() == FileKind.DIRECTORY)) {
			return;
		}
		if (name.indexOf(UNDECODABLE) >= 0) {
			// Java decoded bytes that are not UTF-8 as U+FFFD; a restore will use that
			// name.
			this.warnings.add(path + ": name is not valid UTF-8; stored with replacement characters");
		}
		switch (stat.kind()) {
			case DIRECTORY -> enterDirectory(path, here, stat, pending);
			case REGULAR -> archiveFile(path, here.entryPath(), stat);
			case SYMLINK -> archiveSymlink(path, here.entryPath(), stat);
			default -> this.warnings.add(path + ": skipped, a " + stat.kind().description() + " cannot be archived");
		}
	}

	private void enterDirectory(Path path, Location location, FileStat stat, Deque<Directory> pending)
			throws IOException {
		// Like tar: the entry comes first, so an unlistable directory is still restored.
		this.writer.directory(location.entryPath(), stat.metadata());
		this.directoriesArchived++;
		try {
			List<Path> children = this.files.list(path);
			children.sort(BY_NAME);
			pending.push(new Directory(location, children.iterator()));
		}
		catch (IOException ex) {
			this.warnings
				.add(path + ": cannot list its contents, stored as an empty directory: " + Warnings.reason(ex));
		}
	}

	private void archiveFile(Path path, String entryPath, FileStat stat) throws IOException {
		InputStream in;
		try {
			// Opened before its header is written: an unopenable file leaves no trace.
			in = this.files.open(path);
		}
		catch (IOException ex) {
			this.warnings.add(path + ": skipped, cannot open it: " + Warnings.reason(ex));
			return;
		}
		try {
			this.writer.file(entryPath, stat.metadata(), stat.size(),
					(entry) -> this.copier.copy(path, in, stat, entry));
		}
		finally {
			closeQuietly(in);
		}
		this.filesArchived++;
		this.progress.entryArchived();
	}

	private void archiveSymlink(Path path, String entryPath, FileStat stat) throws IOException {
		String target;
		try {
			target = this.files.readSymbolicLink(path).toString();
		}
		catch (IOException ex) {
			this.warnings.add(path + ": skipped, cannot read the link: " + Warnings.reason(ex));
			return;
		}
		this.writer.symlink(entryPath, target, stat.metadata());
		this.filesArchived++;
		this.progress.entryArchived();
	}

	// A failed close of a file we only read must not pass for a sink failure.
	private void closeQuietly(InputStream in) {
		try {
			in.close();
		}
		catch (IOException ex) {
			// nothing was lost: every byte the entry needed has been written
		}
	}

	/**
	 * Where an entry is: its path in the archive, and its path relative to the source
	 * root, which is what excludes match.
	 */
	private record Location(String entryPath, String relativePath) {

		Location child(String name) {
			return new Location(this.entryPath + "/" + name,
					this.relativePath.isEmpty() ? name : this.relativePath + "/" + name);
		}

	}

	/** A directory on the walk, with the children still to visit. */
	private record Directory(Location location, Iterator<Path> children) {

	}

}
