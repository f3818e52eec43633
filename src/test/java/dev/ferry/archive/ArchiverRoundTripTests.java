package dev.ferry.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ferry.archive.TarContents.Entry;
import dev.ferry.archive.TarContents.Type;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Archives a tree with every kind of entry and reads it back with Commons Compress.
 */
class ArchiverRoundTripTests {

	@TempDir
	Path temp;

	private final Archiver archiver = new Archiver();

	@Test
	void archiveHoldsEveryEntryInWalkOrder() throws IOException {
		Path www = SampleTree.create(this.temp);

		byte[] archive = archive(www);

		assertThat(TarContents.names(archive)).containsExactlyElementsOf(SampleTree.ENTRIES);
	}

	@Test
	void everyEntryMatchesItsSource() throws IOException {
		Path www = SampleTree.create(this.temp);

		List<Entry> entries = TarContents.read(archive(www));

		assertThat(entries).hasSize(SampleTree.ENTRIES.size());
		for (Entry entry : entries) {
			assertMatchesSource(entry, this.temp.resolve(entry.name()));
		}
	}

	@Test
	void keepsModesLinkTargetsAndSubSecondTimes() throws IOException {
		Path www = SampleTree.create(this.temp);

		byte[] archive = archive(www);

		assertThat(TarContents.entry(archive, "www/secret.txt").mode()).isEqualTo(0600);
		assertThat(TarContents.entry(archive, "www/executable.sh").mode()).isEqualTo(0755);
		assertThat(TarContents.entry(archive, "www/setuid-tool").mode()).isEqualTo(04755);
		assertThat(TarContents.entry(archive, "www/nested/").mode()).isEqualTo(0700);
		assertThat(TarContents.entry(archive, "www/link-long").linkName()).isEqualTo(SampleTree.LONG_PATH);
		assertThat(TarContents.entry(archive, "www/link-utf8").linkName()).isEqualTo(SampleTree.UTF8_NAME);
		assertThat(TarContents.entry(archive, "www/a-dangling-link").linkName()).isEqualTo("does-not-exist");
		assertThat(TarContents.entry(archive, "www/link-to-dir").type()).isEqualTo(Type.SYMLINK);
		assertThat(TarContents.entry(archive, "www/nested/deeper/file.txt").modified())
			.isEqualTo(FileTime.from(Instant.ofEpochSecond(1_600_000_000L, 1_000_000L)));
	}

	@Test
	void countsWhatItWrote() throws IOException {
		Path www = SampleTree.create(this.temp);

		ArchiveStats stats = this.archiver.write(spec(www), new ByteArrayOutputStream());

		// 8 regular files and 6 symbolic links; www, empty, long, long/ddd.., nested,
		// deeper
		assertThat(stats.filesArchived()).isEqualTo(14);
		assertThat(stats.directoriesArchived()).isEqualTo(6);
		assertThat(stats.bytesRead()).isEqualTo(sizeOfRegularFiles(www));
		assertThat(stats.warnings()).isEmpty();
	}

	@Test
	void storesEachSourceUnderItsOwnNameInTheGivenOrder() throws IOException {
		Path b = Files.createDirectory(this.temp.resolve("b"));
		Path a = Files.createDirectories(this.temp.resolve("elsewhere/a"));
		Files.writeString(b.resolve("one.txt"), "1");
		Files.writeString(a.resolve("two.txt"), "2");

		byte[] archive = archive(b, a);

		assertThat(TarContents.names(archive)).containsExactly("b/", "b/one.txt", "a/", "a/two.txt");
		assertThat(TarContents.entry(archive, "a/two.txt").content()).isEqualTo("2".getBytes());
	}

	@Test
	void followsASymbolicLinkGivenAsSourceButStoresItUnderTheLinkName() throws IOException {
		Path real = Files.createDirectory(this.temp.resolve("real"));
		Files.writeString(real.resolve("file.txt"), "x");
		Path link = Files.createSymbolicLink(this.temp.resolve("site"), real);

		assertThat(TarContents.names(archive(link))).containsExactly("site/", "site/file.txt");
	}

	@Test
	void finishesTheStreamButLeavesItOpen() throws IOException {
		Path www = SampleTree.create(this.temp);
		RecordingOutputStream out = new RecordingOutputStream();

		this.archiver.write(spec(www), out);

		assertThat(out.closed).isFalse();
		assertThat(out.flushedAt).isEqualTo(out.size());
		// Complete gzip and tar streams: everything reads back.
		assertThat(TarContents.names(out.toByteArray())).containsExactlyElementsOf(SampleTree.ENTRIES);
	}

	@Test
	void sameTreeGivesSameBytes() throws IOException {
		Path www = SampleTree.create(this.temp);

		assertThat(archive(www)).isEqualTo(archive(www));
	}

	private void assertMatchesSource(Entry entry, Path source) throws IOException {
		Map<String, Object> stat = Files.readAttributes(source, "unix:mode,uid,gid,lastModifiedTime",
				LinkOption.NOFOLLOW_LINKS);
		String what = entry.name();
		assertThat(entry.mode()).as(what).isEqualTo((Integer) stat.get("mode") & 07777);
		assertThat(entry.uid()).as(what).isEqualTo(((Integer) stat.get("uid")).longValue());
		assertThat(entry.gid()).as(what).isEqualTo(((Integer) stat.get("gid")).longValue());
		assertThat(entry.modified().toInstant()).as(what)
			.isEqualTo(toPaxPrecision(((FileTime) stat.get("lastModifiedTime")).toInstant()));
		assertThat(entry.userName()).as(what).isEqualTo(Files.getOwner(source, LinkOption.NOFOLLOW_LINKS).getName());
		if (Files.isSymbolicLink(source)) {
			assertThat(entry.type()).as(what).isEqualTo(Type.SYMLINK);
			assertThat(entry.linkName()).as(what).isEqualTo(Files.readSymbolicLink(source).toString());
		}
		else if (Files.isDirectory(source)) {
			assertThat(entry.type()).as(what).isEqualTo(Type.DIRECTORY);
			assertThat(entry.name()).endsWith("/");
		}
		else {
			assertThat(entry.type()).as(what).isEqualTo(Type.FILE);
			assertThat(entry.content()).as(what).isEqualTo(Files.readAllBytes(source));
		}
	}

	// pax times carry seven decimals; symbolic links keep the file system's nanoseconds
	private static Instant toPaxPrecision(Instant time) {
		return time.minusNanos(time.getNano() % 100);
	}

	private static long sizeOfRegularFiles(Path root) throws IOException {
		try (var paths = Files.walk(root)) {
			return paths.filter((path) -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
				.mapToLong((path) -> path.toFile().length())
				.sum();
		}
	}

	private byte[] archive(Path... sources) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.archiver.write(spec(sources), out);
		return out.toByteArray();
	}

	static ArchiveSpec spec(Path... sources) {
		return new ArchiveSpec(List.of(sources), List.of(), ArchiveFormat.TAR_GZ);
	}

	/** Remembers whether it was closed and how much it held at the last flush. */
	static class RecordingOutputStream extends ByteArrayOutputStream {

		boolean closed;

		int flushedAt = -1;

		@Override
		public void flush() {
			this.flushedAt = size();
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
