package dev.ferry.archive;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * An ArchiveSpec refuses what could only produce a wrong archive.
 */
class ArchiveSpecTests {

	@Test
	void normalizesSources() {
		ArchiveSpec spec = new ArchiveSpec(List.of(Path.of("/srv/./www/")), List.of(), ArchiveFormat.TAR_GZ);

		assertThat(spec.sources()).containsExactly(Path.of("/srv/www"));
	}

	@Test
	void refusesRelativeSources() {
		assertThatIllegalArgumentException().isThrownBy(() -> spec(Path.of("srv/www")))
			.withMessageContaining("absolute");
	}

	@Test
	void refusesTheFileSystemRootWhichHasNoNameToStoreItUnder() {
		assertThatIllegalArgumentException().isThrownBy(() -> spec(Path.of("/"))).withMessageContaining("no name");
		assertThatIllegalArgumentException().isThrownBy(() -> spec(Path.of("/srv/..")))
			.withMessageContaining("no name");
	}

	@Test
	void refusesTwoSourcesWithTheSameName() {
		assertThatIllegalArgumentException().isThrownBy(() -> spec(Path.of("/a/www"), Path.of("/b/www")))
			.withMessageContaining("'www'");
	}

	@Test
	void refusesNoSources() {
		assertThatIllegalArgumentException().isThrownBy(ArchiveSpecTests::spec);
	}

	@Test
	void tarGzHasItsExtension() {
		assertThat(ArchiveFormat.TAR_GZ.extension()).isEqualTo(".tar.gz");
	}

	private static ArchiveSpec spec(Path... sources) {
		return new ArchiveSpec(List.of(sources), List.of(), ArchiveFormat.TAR_GZ);
	}

}
