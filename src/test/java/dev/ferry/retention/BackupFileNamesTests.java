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
	void namesArchivesByTheirStartInUtcAndTheirRun() {
		Instant start = Instant.parse("2026-11-22T02:30:00.987Z");
		assertThat(this.www.archiveName(start, 12, 0)).isEqualTo("www-20261122-023000-r12.tar.gz");
		assertThat(this.www.archiveName(start, 12, 1)).isEqualTo("www-20261122-023000-r12-2.tar.gz");
		assertThat(this.www.archiveName(start, 12, 99)).isEqualTo("www-20261122-023000-r12-100.tar.gz");
		assertThat(this.www.checksumName("www-20261122-023000-r12.tar.gz"))
			.isEqualTo("www-20261122-023000-r12.tar.gz.sha256");
	}

	@Test
	void twoRunsInOneSecondNeverShareAName() {
		Instant start = Instant.parse("2026-11-22T02:30:00Z");
		assertThat(this.www.archiveName(start, 12, 0)).isNotEqualTo(this.www.archiveName(start, 13, 0));
	}

	@ParameterizedTest
	@ValueSource(strings = { "www-20261122-023000.tar.gz", "www-20261122-023000-r12.tar.gz",
			"www-20261122-023000-r12-2.tar.gz" })
	void readsTheTimeBackFromItsOwnArchivesOldAndNew(String name) {
		assertThat(this.www.archiveTime(name)).contains(Instant.parse("2026-11-22T02:30:00Z"));
		assertThat(this.www.archiveOfChecksum(name + ".sha256")).contains(name);
		assertThat(this.www.isLeftover("." + name + ".part")).isTrue();
		assertThat(this.www.isLeftover("." + name + ".sha256.part")).isTrue();
	}

	@Test
	void ordersArchivesOfOneSecondByRunThenAlternative() {
		assertThat(this.www.sequence("www-20261122-023000.tar.gz")).isZero();
		assertThat(this.www.sequence("www-20261122-023000-r9.tar.gz"))
			.isLessThan(this.www.sequence("www-20261122-023000-r9-2.tar.gz"))
			.isLessThan(this.www.sequence("www-20261122-023000-r10.tar.gz"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "www-nightly-20261122-023000.tar.gz", "www-20261122-023000.tar.gz.bak",
			"WWW-20261122-023000.tar.gz", "www-20261399-990000.tar.gz", "www-20260230-120000.tar.gz",
			"www-2026112-023000.tar.gz", "www-20261122-023000.tar", "www-20261122-023000.zip",
			"xwww-20261122-023000.tar.gz", "www-20261122-023000.tar.gz ", "www-20261122-023000xtar.gz", "notes.txt",
			".www-20261122-023000.tar.gz", "www-20261122-023000.tar.gz.part", "www-20261122-023000-12.tar.gz",
			"www-20261122-023000-r.tar.gz", "www-20261122-023000-rx.tar.gz", "www-20261122-023000-r12-.tar.gz",
			"WWW-20261122-023000-r12.tar.gz", "www-20261122-023000-r12-2-3.tar.gz" })
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
