package dev.ferry.retention;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job's files are recognised exactly: retention never takes another job's archive, or a
 * file a person put there, for one of the job's own.
 */
class BackupFileNamesTests {

	private final BackupFileNames www = new BackupFileNames("www", ".tar.gz");

	@Test
	void namesArchivesByTheirStartInUtc() {
		assertThat(this.www.archiveName(Instant.parse("2026-11-22T02:30:00.987Z")))
			.isEqualTo("www-20261122-023000.tar.gz");
		assertThat(this.www.checksumName("www-20261122-023000.tar.gz")).isEqualTo("www-20261122-023000.tar.gz.sha256");
	}

	@Test
	void readsTheTimeBackFromItsOwnArchives() {
		assertThat(this.www.archiveTime("www-20261122-023000.tar.gz")).contains(Instant.parse("2026-11-22T02:30:00Z"));
		assertThat(this.www.archiveOfChecksum("www-20261122-023000.tar.gz.sha256"))
			.contains("www-20261122-023000.tar.gz");
		assertThat(this.www.isLeftover(".www-20261122-023000.tar.gz.part")).isTrue();
		assertThat(this.www.isLeftover(".www-20261122-023000.tar.gz.sha256.part")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "www-nightly-20261122-023000.tar.gz", "www-20261122-023000.tar.gz.bak",
			"WWW-20261122-023000.tar.gz", "www-20261399-990000.tar.gz", "www-20260230-120000.tar.gz",
			"www-2026112-023000.tar.gz", "www-20261122-023000.tar", "www-20261122-023000.zip",
			"xwww-20261122-023000.tar.gz", "www-20261122-023000.tar.gz ", "www-20261122-023000xtar.gz", "notes.txt",
			".www-20261122-023000.tar.gz", "www-20261122-023000.tar.gz.part" })
	void takesNoOtherNameForAnArchive(String name) {
		assertThat(this.www.archiveTime(name)).isEmpty();
		assertThat(this.www.archiveOfChecksum(name)).isEmpty();
		assertThat(this.www.isLeftover(name)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "db.main, db.main-20260101-000000.tar.gz, true", "db.main, dbxmain-20260101-000000.tar.gz, false",
			"a-b, a-b-20260101-000000.tar.gz, true", "a, a-b-20260101-000000.tar.gz, false",
			"a-b, a-20260101-000000.tar.gz, false" })
	void quotesJobNamesWithDotsAndDashes(String job, String name, boolean ownArchive) {
		assertThat(new BackupFileNames(job, ".tar.gz").archiveTime(name).isPresent()).isEqualTo(ownArchive);
	}

}
