package dev.ferry.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Writes archives of source directories into a stream while walking them: no temporary
 * file, and memory use independent of the size of the backup. The result restores with
 * {@code tar -xzpf} like an archive from {@code tar -C parent -czf - name}. Usable as
 * {@code new Archiver()} outside Spring.
 */
@Component
public class Archiver {

	private final SourceFiles files;

	public Archiver() {
		this(SourceFiles.DEFAULT);
	}

	Archiver(SourceFiles files) {
		this.files = files;
	}

	/**
	 * Writes the archive into {@code out} and finishes the compressed stream, but does
	 * not close {@code out}: the caller owns it.
	 * <p>
	 * Problems with single files (vanished, unreadable, changed while being read, of a
	 * type an archive cannot hold) become {@link ArchiveStats#warnings() warnings} and
	 * never corrupt the archive.
	 * @param spec what to archive
	 * @param out where the archive goes
	 * @return what was written
	 * @throws SourceException if a source directory is missing, not a directory or
	 * unreadable; all are checked before the first byte is written
	 * @throws IOException exactly as thrown by {@code out} (the sink broke), or an
	 * {@link java.io.InterruptedIOException} if the thread was interrupted
	 */
	public ArchiveStats write(ArchiveSpec spec, OutputStream out) throws IOException {
		return write(spec, out, ArchiveProgress.NONE);
	}

	/**
	 * Writes the archive as {@link #write(ArchiveSpec, OutputStream)} does, reporting
	 * progress on the way.
	 * @param spec what to archive
	 * @param out where the archive goes
	 * @param progress told of each file stored and of the bytes read
	 * @return what was written
	 * @throws IOException as {@link #write(ArchiveSpec, OutputStream)}
	 */
	public ArchiveStats write(ArchiveSpec spec, OutputStream out, ArchiveProgress progress) throws IOException {
		Objects.requireNonNull(spec, "spec");
		Objects.requireNonNull(out, "out");
		Objects.requireNonNull(progress, "progress");
		// Again, even if the caller checked: a source may have vanished in between.
		checkSources(spec);
		Excludes excludes = new Excludes(spec.excludes());
		Warnings warnings = new Warnings();
		warnIfFileNamesMayBeMangled(warnings);
		try (EntryWriter writer = spec.format().open(out)) {
			TreeWalker walker = new TreeWalker(writer, this.files, excludes, warnings, progress);
			for (Path source : spec.sources()) {
				walker.walk(source);
			}
			writer.finish();
			return walker.stats();
		}
	}

	/**
	 * Measures what {@link #write} would read, from file attributes only: the regular
	 * files and links it would store, honouring the excludes, and the size of the files.
	 * Quick, and bounded in memory; what cannot be read counts as nothing.
	 * @param spec what would be archived
	 * @return the estimate
	 */
	public SizeEstimate estimate(ArchiveSpec spec) {
		Objects.requireNonNull(spec, "spec");
		Excludes excludes = new Excludes(spec.excludes());
		long files = 0;
		long bytes = 0;
		for (Path source : spec.sources()) {
			SizeScan scan = new SizeScan(excludes);
			scan.scan(source);
			files += scan.estimate().files();
			bytes += scan.estimate().bytes();
		}
		return new SizeEstimate(files, bytes);
	}

	/**
	 * Checks the source directories as {@link #write} does first, without writing
	 * anything, so that a caller can report a bad source before it opens a sink that may
	 * fail for reasons of its own.
	 * @param spec what would be archived
	 * @throws SourceException for the first source directory that is missing, not a
	 * directory or unreadable
	 */
	public void checkSources(ArchiveSpec spec) {
		Objects.requireNonNull(spec, "spec");
		spec.sources().forEach(this::checkSource);
	}

	private void checkSource(Path source) {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(source, BasicFileAttributes.class);
		}
		catch (NoSuchFileException ex) {
			throw new SourceException(source, "does not exist", ex);
		}
		catch (IOException ex) {
			throw new SourceException(source, "cannot be accessed: " + Warnings.reason(ex), ex);
		}
		if (!attributes.isDirectory()) {
			throw new SourceException(source, "is not a directory", null);
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(source)) {
			// opening is the test: it needs the same permission as listing
		}
		catch (IOException ex) {
			throw new SourceException(source, "cannot be read: " + Warnings.reason(ex), ex);
		}
	}

	// Java decodes file names with the locale's charset; under LANG=C (common in
	// containers) non-ASCII names would be stored as '?'.
	private static void warnIfFileNamesMayBeMangled(Warnings warnings) {
		String encoding = System.getProperty("sun.jnu.encoding");
		if (encoding != null && !isUtf8(encoding)) {
			warnings.add("File names are decoded as " + encoding
					+ ", so non-ASCII names may be archived wrongly; run Ferry with LANG=C.UTF-8");
		}
	}

	private static boolean isUtf8(String encoding) {
		try {
			return Charset.forName(encoding).equals(StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
