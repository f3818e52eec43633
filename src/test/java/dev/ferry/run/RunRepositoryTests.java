package dev.ferry.run;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import dev.ferry.Api;
import dev.ferry.security.SecretCipher;
import dev.ferry.transfer.DataCommand;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run history queries against the real schema (Flyway migrations on H2), and rows as
 * earlier versions wrote them read back.
 */
@DataJpaTest
@Import(RunRepositoryTests.Secrets.class)
class RunRepositoryTests {

	/** Jobs' passwords are encrypted by a converter the JPA slice needs too. */
	@TestConfiguration
	static class Secrets {

		@Bean
		SecretCipher secretCipher() {
			return SecretCipher.withKey(Base64.getEncoder().encodeToString(new byte[32]));
		}

	}

	@Autowired
	RunRepository runs;

	@Autowired
	TestEntityManager entities;

	@Autowired
	DataSource dataSource;

	@Test
	void searchesNewestFirstByJobAndStatusAndKeepsWarningsInOrder() {
		BackupRun a1 = save(1, RunStatus.SUCCEEDED, List.of("first warning", "second warning"));
		BackupRun b1 = save(2, RunStatus.FAILED, List.of());
		BackupRun a2 = save(1, RunStatus.FAILED, List.of());
		BackupRun a3 = save(1, RunStatus.RUNNING, List.of());

		assertThat(ids(this.runs.search(1L, null, PageRequest.of(0, 10)))).containsExactly(a3.getId(), a2.getId(),
				a1.getId());
		assertThat(ids(this.runs.search(null, RunStatus.FAILED, PageRequest.of(0, 10)))).containsExactly(a2.getId(),
				b1.getId());
		assertThat(ids(this.runs.search(1L, RunStatus.FAILED, PageRequest.of(0, 10)))).containsExactly(a2.getId());
		Page<BackupRun> second = this.runs.search(null, null, PageRequest.of(1, 3));
		assertThat(ids(second)).containsExactly(a1.getId());
		assertThat(second.getTotalElements()).isEqualTo(4);
		assertThat(this.runs.findByStatus(RunStatus.RUNNING)).extracting(BackupRun::getId).containsExactly(a3.getId());
		assertThat(this.runs.findById(a1.getId()).orElseThrow().getWarnings()).containsExactly("first warning",
				"second warning");
	}

	@Test
	void keepsVerificationAndPrunedFiles() {
		BackupRun run = save(1, RunStatus.SUCCEEDED, List.of());

		BackupRun read = this.runs.findById(run.getId()).orElseThrow();
		assertThat(read.getPublished().getVerification()).containsExactly("SIZE", "SHA-256");
		assertThat(read.getPruned()).containsExactly("old.tar.gz");
		assertThat(read.getPublished().getChecksumPath()).isEqualTo("/x.tar.gz.sha256");
		assertThat(read.counters().snapshot().estimatedTotalBytes()).isEqualTo(4L);
	}

	@Test
	void recordsHeartbeatsOnlyWhileARunIsRunning() {
		BackupRun running = save(1, RunStatus.RUNNING, List.of());
		BackupRun ended = save(1, RunStatus.FAILED, List.of());
		Instant now = Instant.parse("2026-01-01T00:01:00Z");

		assertThat(this.runs.heartbeat(running.getId(), now, RunPhase.UPLOADING, 5, 6, 7, 8L)).isOne();
		assertThat(this.runs.heartbeat(ended.getId(), now, RunPhase.UPLOADING, 5, 6, 7, 8L)).isZero();

		this.entities.clear();
		BackupRun beat = this.runs.findById(running.getId()).orElseThrow();
		assertThat(beat.getHeartbeatAt()).isEqualTo(now);
		assertThat(beat.getPhase()).isEqualTo(RunPhase.UPLOADING);
		assertThat(beat.getBytesUploaded()).isEqualTo(7);
		assertThat(this.runs.findById(ended.getId()).orElseThrow().getStatus()).isEqualTo(RunStatus.FAILED);
		assertThat(this.runs.findStale(Instant.parse("2026-01-01T00:00:30Z"))).extracting(BackupRun::getId)
			.doesNotContain(running.getId(), ended.getId());
		assertThat(this.runs.findStale(Instant.parse("2026-01-01T00:02:00Z"))).extracting(BackupRun::getId)
			.contains(running.getId())
			.doesNotContain(ended.getId());
	}

	@Test
	void keepsAtMostAHundredWarningsAndSaysHowManyMore() {
		List<String> many = java.util.stream.IntStream.range(0, 250).mapToObj((i) -> "warning " + i).toList();

		BackupRun run = save(1, RunStatus.SUCCEEDED, many);

		List<String> kept = this.runs.findById(run.getId()).orElseThrow().getWarnings();
		assertThat(kept).hasSize(RunReport.MAX_WARNINGS).startsWith("warning 0", "warning 1");
		assertThat(kept.get(RunReport.MAX_WARNINGS - 1)).isEqualTo("... and 151 more warnings (see the log)");
	}

	/**
	 * Every {@code error_type} that earlier versions wrote (the failure phases of
	 * transfer, and the run's own words) reads back as a {@link FailureType}, and the API
	 * shows the same word.
	 */
	@ParameterizedTest
	@CsvSource({ "SOURCE, FAILED", "SECRET, FAILED", "CONNECT, FAILED", "TLS, FAILED", "LOGIN, FAILED",
			"DATA_CONNECTION, FAILED", "TRANSFER, FAILED", "VERIFY, FAILED", "INTERNAL, FAILED", "CANCELLED, CANCELLED",
			"INTERRUPTED, INTERRUPTED" })
	void readsEveryErrorTypeEarlierVersionsWrote(String errorType, String status) {
		long id = insert(status, errorType, null);

		BackupRun run = this.runs.findById(id).orElseThrow();

		assertThat(run.getErrorType()).isEqualTo(FailureType.valueOf(errorType));
		assertThat(run.getErrorType().status()).hasToString(status);
		assertThat(Api.JSON.valueToTree(RunResponse.of(run)).path("error").path("type").asString())
			.isEqualTo(errorType);
	}

	/**
	 * Every {@code transfer_mode_used} that earlier versions wrote reads back as a
	 * {@link DataCommand}, and the API shows the same word.
	 */
	@ParameterizedTest
	@EnumSource(DataCommand.class)
	void readsEveryDataCommandEarlierVersionsWrote(DataCommand command) {
		long id = insert("SUCCEEDED", null, command.name());

		BackupRun run = this.runs.findById(id).orElseThrow();

		assertThat(run.getPublished().getTransferModeUsed()).isEqualTo(command);
		assertThat(Api.JSON.valueToTree(RunResponse.of(run)).path("transferModeUsed").asString())
			.isEqualTo(command.name());
	}

	/** A run with nothing published or reported yet reads as empty, not as missing. */
	@Test
	void readsARunThatHasNothingToReportYet() {
		long id = insert("RUNNING", null, null);

		BackupRun run = this.runs.findById(id).orElseThrow();

		assertThat(run.getErrorType()).isNull();
		assertThat(run.getWarnings()).isEmpty();
		assertThat(run.getPruned()).isEmpty();
		assertThat(run.getPublished().getVerification()).isEmpty();
		assertThat(run.getPublished().getTransferModeUsed()).isNull();
		assertThat(run.getAttempt()).isOne();
		assertThat(Api.JSON.valueToTree(RunResponse.of(run)).path("error").isNull()).isTrue();
	}

	/** A run as earlier versions inserted it, with plain SQL. */
	private long insert(String status, String errorType, String transferModeUsed) {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.update("""
				insert into backup_run (job_id, job_name, trigger_type, status, started_at, finished_at,
				  files_archived, bytes_read, bytes_uploaded, transfer_mode_used, error_type, error_message)
				values (7, 'job-7', 'SCHEDULE', ?, ?, ?, 0, 0, 0, ?, ?, ?)""", status,
				Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")),
				status.equals("RUNNING") ? null : Timestamp.from(Instant.parse("2026-01-01T00:01:00Z")),
				transferModeUsed, errorType, (errorType != null) ? "what happened" : null);
		return jdbc.queryForObject("select max(id) from backup_run", Long.class);
	}

	private BackupRun save(long jobId, RunStatus status, List<String> warnings) {
		BackupRun run = new BackupRun(jobId, "job-" + jobId, RunTrigger.MANUAL, Attempt.FIRST, "test",
				Instant.parse("2026-01-01T00:00:00Z"));
		if (status == RunStatus.SUCCEEDED) {
			run.succeed(new RunOutcome(1, 2, 3, 4, "/x.tar.gz", "ab", DataCommand.PASV, false,
					List.of("SIZE", "SHA-256"), "/x.tar.gz.sha256", List.of("old.tar.gz"), warnings), Instant.now());
		}
		else if (status == RunStatus.FAILED) {
			run.end(FailureType.LOGIN, "530", Instant.now(), null, null, List.of());
		}
		return this.runs.saveAndFlush(run);
	}

	private static List<Long> ids(Page<BackupRun> page) {
		return page.getContent().stream().map(BackupRun::getId).toList();
	}

}
