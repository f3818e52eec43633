package dev.ferry.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Sources can be checked before any sink is opened, and a bad one is refused exactly as
 * {@link Archiver#write} refuses it.
 */
class ArchiverCheckSourcesTests {

	@TempDir
	Path temp;

	private final Archiver archiver = new Archiver();

	@Test
	void goodSourcesPass() throws IOException {
		Path one = Files.createDirectory(this.temp.resolve("one"));
		Path two = Files.createDirectory(this.temp.resolve("two"));
		Files.writeString(one.resolve("a.txt"), "a");

		assertThatNoException().isThrownBy(() -> this.archiver.checkSources(ArchiverRoundTripTests.spec(one, two)));
	}

	@Test
	void aMissingSourceIsNamed() throws IOException {
		Path present = Files.createDirectory(this.temp.resolve("present"));
		Path missing = this.temp.resolve("not-there");

		assertRefusedAsWriteRefuses(ArchiverRoundTripTests.spec(present, missing),
				"Source directory " + missing + " does not exist");
	}

	@Test
	void aFileAsSourceIsRefused() throws IOException {
		Path file = Files.writeString(this.temp.resolve("file.txt"), "x");

		assertRefusedAsWriteRefuses(ArchiverRoundTripTests.spec(file),
				"Source directory " + file + " is not a directory");
	}

	@Test
	void aDanglingSymbolicLinkAsSourceDoesNotExist() throws IOException {
		Path link = Files.createSymbolicLink(this.temp.resolve("gone"), this.temp.resolve("nowhere"));

		assertRefusedAsWriteRefuses(ArchiverRoundTripTests.spec(link), "Source directory " + link + " does not exist");
	}

	@Test
	@FilePermissionsApply
	void anUnreadableSourceIsRefused() throws IOException {
		Path source = Files.createDirectory(this.temp.resolve("locked"));
		Files.setPosixFilePermissions(source, Set.of());
		try {
			assertRefusedAsWriteRefuses(ArchiverRoundTripTests.spec(source),
					"Source directory " + source + " cannot be read: permission denied");
		}
		finally {
			SampleTree.setMode(source, 0700);
		}
	}

	@Test
	void aSourceThatVanishesAfterTheCheckIsStillRefusedByWrite() throws IOException {
		Path source = Files.createDirectory(this.temp.resolve("brief"));
		ArchiveSpec spec = ArchiverRoundTripTests.spec(source);
		this.archiver.checkSources(spec);
		Files.delete(source);
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> this.archiver.write(spec, out))
			.withMessage("Source directory " + source + " does not exist");
		assertThat(out.size()).isZero();
	}

	private void assertRefusedAsWriteRefuses(ArchiveSpec spec, String message) {
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> this.archiver.checkSources(spec))
			.withMessage(message);
		SourceException fromWrite = catchThrowableOfType(SourceException.class,
				() -> this.archiver.write(spec, new ByteArrayOutputStream()));
		assertThat(fromWrite).hasMessage(message);
	}

}
