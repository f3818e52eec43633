package dev.ferry.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Excludes are globs relative to each source; a matched directory goes with its subtree.
 */
class ArchiverExcludesTests {

	@TempDir
	Path temp;

	private Path site;

	@BeforeEach
	void createTree() throws IOException {
		this.site = Files.createDirectory(this.temp.resolve("site"));
		for (String file : List.of("a.tmp", "app.log", "index.html", "cache.txt", "build", "cache/page.html",
				"cache/deep/er/x.bin", "x/y/b.tmp", "x/y/keep.txt", "x/app.log", "sub/cache/kept.html",
				"target/classes/A.class")) {
			Path path = this.site.resolve(file);
			Files.createDirectories(path.getParent());
			Files.writeString(path, file);
		}
		Files.createDirectories(this.site.resolve("empty-cache/cache"));
	}

	@Test
	void excludesByGlob() throws IOException {
		List<String> names = names("**/*.tmp", "cache/**", "*.log");

		assertThat(names).containsExactly("site/", "site/build", "site/cache.txt", "site/empty-cache/",
				"site/empty-cache/cache/", "site/index.html", "site/sub/", "site/sub/cache/",
				"site/sub/cache/kept.html", "site/target/", "site/target/classes/", "site/target/classes/A.class",
				"site/x/", "site/x/app.log", "site/x/y/", "site/x/y/keep.txt");
	}

	@Test
	void aPlainNameExcludesTheDirectoryAndEverythingUnderIt() throws IOException {
		assertThat(names("cache", "target")).noneMatch((name) -> name.startsWith("site/cache/"))
			.noneMatch((name) -> name.startsWith("site/target"))
			.contains("site/cache.txt", "site/sub/cache/kept.html");
	}

	@Test
	void aPatternMatchingADirectoryAnywhereExcludesItsSubtree() throws IOException {
		assertThat(names("**/cache")).noneMatch((name) -> name.contains("/cache/"))
			.contains("site/cache.txt", "site/empty-cache/");
	}

	@Test
	void aTrailingSlashMatchesDirectoriesOnly() throws IOException {
		assertThat(names("build/", "x/")).contains("site/build").noneMatch((name) -> name.startsWith("site/x/"));
	}

	@Test
	void excludesApplyToEachSourceOnItsOwn() throws IOException {
		Path other = Files.createDirectory(this.temp.resolve("other"));
		Files.writeString(other.resolve("c.log"), "");
		Files.writeString(other.resolve("keep.txt"), "");
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		new Archiver().write(new ArchiveSpec(List.of(this.site, other),
				List.of("*.log", "**/*.tmp", "cache", "sub", "x", "target", "empty-cache", "index.html", "build"),
				ArchiveFormat.TAR_GZ), out);

		assertThat(TarContents.names(out.toByteArray())).containsExactly("site/", "site/cache.txt", "other/",
				"other/keep.txt");
	}

	@Test
	void aBadPatternIsRefusedBeforeAnythingIsWritten() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ArchiveSpec(List.of(this.site), List.of("../up"), ArchiveFormat.TAR_GZ))
			.withMessageContaining("../up");
	}

	private List<String> names(String... excludes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new Archiver().write(new ArchiveSpec(List.of(this.site), List.of(excludes), ArchiveFormat.TAR_GZ), out);
		return TarContents.names(out.toByteArray());
	}

}
