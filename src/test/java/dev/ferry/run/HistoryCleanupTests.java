package dev.ferry.run;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * History retention against the real schema (Flyway migrations on H2), with old runs
 * inserted directly and a fixed clock: what is deleted, what is always kept, and that
 * nothing of a deleted run is left behind.
 */
@DataJpaTest
// jobs' passwords are encrypted by a converter the JPA slice needs too
@Import(RunRepositoryTests.Secrets.class)
class HistoryCleanupTests {

	private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

	private static final Instant OLD = Instant.parse("2024-01-01T00:00:00Z");

	private static final Instant RECENT = Instant.parse("2026-05-01T00:00:00Z");

	@Autowired
	RunRepository runs;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void noRuns() {
		assertThat(count("backup_run")).isZero();
	}

	@Test
	void deletesRunsThatEndedLongAgoWithEverythingTheyKept() {
		insert(1, 1, "SUCCEEDED", OLD, null);
		this.jdbc.update("insert into backup_run_warning (run_id, position, message) values (1, 0, 'w')");
		this.jdbc.update("insert into backup_run_pruned (run_id, position, file_name) values (1, 0, 'old.tar.gz')");
		this.jdbc.update("insert into backup_run_transcript (run_id, transcript) values (1, '220 ready')");
		insert(2, 1, "FAILED", OLD.plusSeconds(60), null);
		insert(3, 1, "SUCCEEDED", RECENT, null);
		insert(4, 1, "FAILED", NOW.minus(Duration.ofDays(399)), null);

		assertThat(cleanup(Duration.ofDays(400)).deleteExpired()).isEqualTo(2);

		assertThat(ids()).containsExactly(3L, 4L);
		assertThat(count("backup_run_warning")).isZero();
		assertThat(count("backup_run_pruned")).isZero();
		assertThat(count("backup_run_transcript")).isZero();
	}

	@Test
	void keepsEachJobsNewestSuccessQueuedAndRunningRunsAndFirstAttemptsOfKeptRetries() {
		insert(1, 1, "SUCCEEDED", OLD, null);
		insert(2, 1, "SUCCEEDED", OLD.plusSeconds(60), null);
		insert(3, 1, "FAILED", RECENT, null);
		// a series whose retry is kept, and one wholly old
		insert(4, 2, "FAILED", OLD, null);
		insert(5, 2, "FAILED", RECENT, 4L);
		insert(6, 2, "FAILED", OLD, null);
		insert(7, 2, "FAILED", OLD.plusSeconds(60), 6L);
		insert(8, 2, "FAILED", OLD.plusSeconds(120), 6L);
		// under way, asked for or started long ago (a stale-run check closes them, not
		// this)
		this.jdbc.update("insert into backup_run (id, job_id, job_name, trigger_type, status, queued_at, "
				+ "files_archived, bytes_read, bytes_uploaded) values (9, 3, 'job-3', 'MANUAL', 'QUEUED', ?, 0, 0, 0)",
				Timestamp.from(OLD));
		this.jdbc.update("insert into backup_run (id, job_id, job_name, trigger_type, status, started_at, "
				+ "files_archived, bytes_read, bytes_uploaded) values (10, 4, 'job-4', 'SCHEDULE', 'RUNNING', ?, 0, 0, 0)",
				Timestamp.from(OLD));

		assertThat(cleanup(Duration.ofDays(400)).deleteExpired()).isEqualTo(4);

		// 2 is job 1's newest success, 4 the first attempt of the kept retry 5
		assertThat(ids()).containsExactly(2L, 3L, 4L, 5L, 9L, 10L);
	}

	@Test
	void deletesAHistoryLargerThanABatchInSeveralBatches() {
		int runs = HistoryCleanup.BATCH * 2 + 100;
		this.jdbc
			.batchUpdate("insert into backup_run (id, job_id, job_name, trigger_type, status, started_at, finished_at, "
					+ "files_archived, bytes_read, bytes_uploaded) values (?, 7, 'job-7', 'SCHEDULE', 'FAILED', ?, ?, 0, 0, 0)",
					LongStream.rangeClosed(1, runs)
						.mapToObj((id) -> new Object[] { id, Timestamp.from(OLD.plusSeconds(id)),
								Timestamp.from(OLD.plusSeconds(id)) })
						.toList());

		assertThat(cleanup(Duration.ofDays(400)).deleteExpired()).isEqualTo(runs);
		assertThat(count("backup_run")).isZero();
	}

	@Test
	void keepsEverythingWhenToldTo() {
		insert(1, 1, "FAILED", OLD, null);

		assertThat(cleanup(Duration.ZERO).deleteExpired()).isZero();
		assertThat(ids()).containsExactly(1L);
	}

	@Test
	void refusesAKeepHistoryShorterThanADayAsABareNumberWouldBe() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RunProperties(null, null, null, null, null, Duration.ofMillis(400)))
			.withMessageContaining("ferry.runs.keep-history")
			.withMessageContaining("at least 1d");
		assertThat(new RunProperties(null, null, null, null, null, null).keepHistory()).isEqualTo(Duration.ofDays(400));
	}

	private HistoryCleanup cleanup(Duration keep) {
		RunProperties properties = new RunProperties(null, null, null, null, "test", keep);
		return new HistoryCleanup(this.runs, this.transactions, properties, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private void insert(long id, long jobId, String status, Instant finishedAt, Long retryOf) {
		this.jdbc.update("insert into backup_run (id, job_id, job_name, trigger_type, status, started_at, finished_at, "
				+ "files_archived, bytes_read, bytes_uploaded, retry_of) values (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)", id,
				jobId, "job-" + jobId, (retryOf != null) ? "RETRY" : "SCHEDULE", status,
				Timestamp.from(finishedAt.minusSeconds(30)), Timestamp.from(finishedAt), retryOf);
	}

	private List<Long> ids() {
		return this.jdbc.queryForList("select id from backup_run order by id", Long.class);
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
