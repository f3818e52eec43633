package dev.ferry.archive;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Restores archives with GNU tar, the tool a user will reach for, and compares the result
 * with the source. Skipped only where {@code tar} is not installed.
 */
class GnuTarRestoreTests {

	@TempDir
	Path temp;

	@BeforeAll
	static void needsTar() {
		assumeTrue(Stream.of(System.getenv("PATH").split(File.pathSeparator))
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, "tar"))), "tar is not on the PATH");
	}

	@Test
	void restoredTreeEqualsSource() throws Exception {
		Path source = SampleTree.create(Files.createDirectory(this.temp.resolve("source")));
		Path archive = writeArchive(source);
		Path restored = Files.createDirectory(this.temp.resolve("restored"));

		// -p restores modes exactly (setuid too, as root); --numeric-owner ids as stored.
		String errors = run("tar", "--numeric-owner", "-xpzf", archive.toString(), "-C", restored.toString()).errors();

		assertThat(errors).as("tar's complaints").isEmpty();
		Path copy = restored.resolve("www");
		assertThat(relativePaths(copy)).containsExactlyElementsOf(relativePaths(source));
		for (Path relative : relativePaths(source)) {
			assertSame(source.resolve(relative), copy.resolve(relative));
		}
		assertThat(copy.resolve("empty")).isEmptyDirectory();
	}

	@Test
	void entryOrderMatchesGnuTarSortedByName() throws Exception {
		Path parent = Files.createDirectory(this.temp.resolve("source"));
		Path source = SampleTree.create(parent);
		Path ours = writeArchive(source);
		Path theirs = this.temp.resolve("gnu.tar");
		run("tar", "-C", parent.toString(), "--sort=name", "--format=posix", "-cf", theirs.toString(), "www");

		assertThat(run("tar", "-tzf", ours.toString()).output())
			.isEqualTo(run("tar", "-tf", theirs.toString()).output());
	}

	@Test
	void gnuTarSeesTheSameAttributes() throws Exception {
		Path source = SampleTree.create(Files.createDirectory(this.temp.resolve("source")));
		Path archive = writeArchive(source);

		String listing = run("tar", "--numeric-owner", "--full-time", "-tvzf", archive.toString()).output();

		String owner = Files.getAttribute(source, "unix:uid") + "/" + Files.getAttribute(source, "unix:gid");
		assertThat(listing).contains("-rwsr-xr-x " + owner)
			.contains("-rw------- " + owner)
			.contains("drwx------ " + owner);
		// sub-second mtimes travel in pax headers
		assertThat(listing).containsPattern("2020-09-13 12:26:40\\.001 +www/nested/deeper/file\\.txt");
		assertThat(listing).contains("www/link-long -> " + SampleTree.LONG_PATH);
		assertThat(listing).contains("www/" + SampleTree.LONG_PATH);
	}

	private void assertSame(Path expected, Path actual) throws IOException {
		String what = actual.toString();
		Map<String, Object> want = Files.readAttributes(expected, "unix:mode,uid,gid,lastModifiedTime",
				LinkOption.NOFOLLOW_LINKS);
		Map<String, Object> got = Files.readAttributes(actual, "unix:mode,uid,gid,lastModifiedTime",
				LinkOption.NOFOLLOW_LINKS);
		assertThat(got.get("uid")).as(what).isEqualTo(want.get("uid"));
		assertThat(got.get("gid")).as(what).isEqualTo(want.get("gid"));
		if (Files.isSymbolicLink(expected)) {
			assertThat(actual).as(what).isSymbolicLink();
			assertThat(Files.readSymbolicLink(actual)).as(what).isEqualTo(Files.readSymbolicLink(expected));
			return;
		}
		// mode includes the type bits, so this also compares file against directory
		assertThat(got.get("mode")).as(what).isEqualTo(want.get("mode"));
		assertThat(got.get("lastModifiedTime")).as(what).isEqualTo(want.get("lastModifiedTime"));
		if (Files.isRegularFile(expected, LinkOption.NOFOLLOW_LINKS)) {
			assertThat(actual).as(what).hasSameBinaryContentAs(expected);
		}
	}

	private static List<Path> relativePaths(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.map(root::relativize).sorted().toList();
		}
	}

	private Path writeArchive(Path source) throws IOException {
		Path archive = this.temp.resolve("backup.tar.gz");
		try (OutputStream out = Files.newOutputStream(archive)) {
			new Archiver().write(ArchiverRoundTripTests.spec(source), out);
		}
		return archive;
	}

	private Result run(String... command) throws Exception {
		Path output = Files.createTempFile(this.temp, "out", ".txt");
		Path errors = Files.createTempFile(this.temp, "err", ".txt");
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
		builder.environment().put("TZ", "UTC");
		Process process = builder.redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
		int exit = process.waitFor();
		Result result = new Result(Files.readString(output, StandardCharsets.UTF_8),
				Files.readString(errors, StandardCharsets.UTF_8));
		assertThat(exit).as("%s exit code, stderr: %s", String.join(" ", command), result.errors()).isZero();
		return result;
	}

	private record Result(String output, String errors) {
	}

}
