package dev.ferry.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Files that vanish, change or cannot be archived become warnings, and the archive stays
 * valid. Most cases change the file for real at the exact moment through the
 * package-private {@link SourceFiles} hook; the unreadable and unlistable cases rely on
 * permissions, which apply to root (as CI runs) only in a child JVM without its override
 * ({@link FilePermissionsApply}).
 */
class ArchiverWarningsTests {

	private static final byte[] CONTENT = "0123456789".repeat(10_000).getBytes();

	@TempDir
	Path temp;

	private Path source;

	private Path victim;

	@BeforeEach
	void createSource() throws IOException {
		this.source = Files.createDirectory(this.temp.resolve("src"));
		Files.writeString(this.source.resolve("a-before.txt"), "before");
		this.victim = Files.write(this.source.resolve("m-victim.bin"), CONTENT);
		Files.setLastModifiedTime(this.victim, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
		Files.writeString(this.source.resolve("z-after.txt"), "after");
	}

	@Test
	void aFileThatVanishesBeforeItIsOpenedIsSkipped() throws IOException {
		Result result = archiveWhenOpening((file) -> Files.delete(file));

		assertThat(result.names()).containsExactly("src/", "src/a-before.txt", "src/z-after.txt");
		assertThat(result.stats().warnings()).singleElement()
			.asString()
			.contains(this.victim.toString())
			.contains("cannot open")
			.contains("no longer exists");
		assertThat(result.stats().filesArchived()).isEqualTo(2);
	}

	@Test
	void aFileThatShrankIsPaddedToTheSizeInItsHeader() throws IOException {
		Result result = archiveWhenOpening((file) -> truncate(file, 1000));

		byte[] expected = Arrays.copyOf(Arrays.copyOf(CONTENT, 1000), CONTENT.length);
		assertThat(result.entry("src/m-victim.bin").content()).isEqualTo(expected);
		assertThat(result.names()).containsExactly("src/", "src/a-before.txt", "src/m-victim.bin", "src/z-after.txt");
		assertThat(result.stats().warnings()).singleElement()
			.asString()
			.contains(this.victim.toString())
			.contains("shrank");
		assertThat(result.stats().bytesRead()).isEqualTo(1000 + "before".length() + "after".length());
	}

	@Test
	void aFileThatGrewIsCutToTheSizeInItsHeader() throws IOException {
		Result result = archiveWhenOpening((file) -> Files.write(file, new byte[70_000], StandardOpenOption.APPEND));

		assertThat(result.entry("src/m-victim.bin").content()).isEqualTo(CONTENT);
		assertThat(result.entry("src/z-after.txt").content()).isEqualTo("after".getBytes());
		assertThat(result.stats().warnings()).singleElement()
			.asString()
			.contains(this.victim.toString())
			.contains("grew");
	}

	@Test
	void aFileRewrittenInPlaceIsReportedAsChanged() throws IOException {
		byte[] rewritten = CONTENT.clone();
		rewritten[0] = 'X';

		Result result = archiveWhenOpening((file) -> Files.write(file, rewritten));

		assertThat(result.entry("src/m-victim.bin").content()).isEqualTo(rewritten);
		assertThat(result.stats().warnings()).singleElement()
			.asString()
			.contains(this.victim.toString())
			.contains("changed while being read");
	}

	@Test
	void aDirectoryThatVanishesBeforeItIsListedIsStoredEmpty() throws IOException {
		Path directory = Files.createDirectory(this.source.resolve("n-dir"));
		Files.writeString(directory.resolve("inside.txt"), "inside");
		SourceFiles deleteBeforeListing = new SourceFiles() {
			@Override
			public List<Path> list(Path path) throws IOException {
				if (path.equals(directory)) {
					Files.delete(directory.resolve("inside.txt"));
					Files.delete(directory);
				}
				return SourceFiles.super.list(path);
			}
		};

		Result result = archive(new Archiver(deleteBeforeListing));

		assertThat(result.names()).containsExactly("src/", "src/a-before.txt", "src/m-victim.bin", "src/n-dir/",
				"src/z-after.txt");
		assertThat(result.stats().warnings()).singleElement()
			.asString()
			.contains(directory.toString())
			.contains("cannot list");
	}

	@Test
	void socketsAndPipesAreSkippedWithAWarning() throws Exception {
		Path socket = this.source.resolve("s.sock");
		try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			server.bind(UnixDomainSocketAddress.of(socket));
			Path fifo = this.source.resolve("p.fifo");
			boolean haveFifo = mkfifo(fifo);

			Result result = archive(new Archiver());

			assertThat(result.names()).containsExactly("src/", "src/a-before.txt", "src/m-victim.bin",
					"src/z-after.txt");
			assertThat(result.stats().warnings()).anySatisfy(
					(warning) -> assertThat(warning).contains(socket.toString()).contains("socket cannot be archived"));
			if (haveFifo) {
				assertThat(result.stats().warnings())
					.anySatisfy((warning) -> assertThat(warning).contains(fifo.toString()).contains("named pipe"));
			}
		}
	}

	@Test
	void aNameThatIsNotUtf8IsStoredWithAWarning() throws Exception {
		// Java cannot create such a name itself; bash's $'..' writes the raw byte.
		Process touch = new ProcessBuilder("bash", "-c", "touch $'bad\\xffname'").directory(this.source.toFile())
			.start();
		assumeTrue(touch.waitFor() == 0, "needs bash");

		Result result = archive(new Archiver());

		assertThat(result.names()).contains("src/bad\uFFFDname");
		assertThat(result.stats().warnings()).singleElement().asString().contains("not valid UTF-8");
	}

	@Test
	@FilePermissionsApply
	void anUnreadableFileIsSkipped() throws IOException {
		Files.setPosixFilePermissions(this.victim, Set.of());

		Result result = archive(new Archiver());

		assertThat(result.names()).containsExactly("src/", "src/a-before.txt", "src/z-after.txt");
		assertThat(result.stats().warnings()).singleElement()
			.asString()
			.contains(this.victim.toString())
			.contains("permission denied");
	}

	@Test
	@FilePermissionsApply
	void anUnlistableDirectoryIsStoredEmpty() throws IOException {
		Path locked = Files.createDirectory(this.source.resolve("n-locked"));
		Files.writeString(locked.resolve("inside.txt"), "inside");
		Files.setPosixFilePermissions(locked, Set.of());
		try {
			Result result = archive(new Archiver());

			assertThat(result.names()).contains("src/n-locked/").doesNotContain("src/n-locked/inside.txt");
			assertThat(result.stats().warnings()).singleElement().asString().contains(locked.toString());
		}
		finally {
			SampleTree.setMode(locked, 0700);
		}
	}

	private Result archiveWhenOpening(Action action) throws IOException {
		return archive(new Archiver(new SourceFiles() {
			@Override
			public InputStream open(Path file) throws IOException {
				if (file.equals(ArchiverWarningsTests.this.victim)) {
					action.on(file);
				}
				return SourceFiles.super.open(file);
			}
		}));
	}

	private Result archive(Archiver archiver) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ArchiveStats stats = archiver.write(ArchiverRoundTripTests.spec(this.source), out);
		// Reading back everything checks the archive is still well formed.
		return new Result(stats, TarContents.read(out.toByteArray()));
	}

	private static void truncate(Path file, long size) throws IOException {
		try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
			channel.truncate(size);
		}
	}

	private static boolean mkfifo(Path fifo) throws InterruptedException {
		try {
			return new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@FunctionalInterface
	interface Action {

		void on(Path file) throws IOException;

	}

	record Result(ArchiveStats stats, List<TarContents.Entry> entries) {

		List<String> names() {
			return this.entries.stream().map(TarContents.Entry::name).toList();
		}

		TarContents.Entry entry(String name) {
			return this.entries.stream().filter((entry) -> entry.name().equals(name)).findFirst().orElseThrow();
		}

	}

}
