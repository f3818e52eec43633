package dev.ferry.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the run history from growing forever: at start-up and then every few hours,
 * deletes the runs that ended longer than {@code ferry.runs.keep-history} ago, with their
 * transcripts, warnings and pruned lists. Never a run that is queued or running, never a
 * job's newest successful run (the overview's "last success"), and never a run a retry
 * names as its first attempt ({@code retryOf}) while that retry is kept. Deletes in
 * batches of {@value #BATCH}, each its own transaction, so no transaction grows with the
 * table.
 */
@Component
class HistoryCleanup extends PeriodicTask {

	static final int BATCH = 500;

	static final Duration EVERY = Duration.ofHours(6);

	private static final Logger log = LoggerFactory.getLogger(HistoryCleanup.class);

	private final RunRepository runs;

	private final TransactionTemplate transaction;

	private final Duration keep;

	private final Clock clock;

	private volatile boolean stopping;

	HistoryCleanup(RunRepository runs, PlatformTransactionManager transactions, RunProperties properties, Clock clock) {
		super("ferry-history-");
		this.runs = runs;
		this.transaction = new TransactionTemplate(transactions);
		this.keep = properties.keepHistory();
		this.clock = clock;
	}

	/**
	 * Deletes the runs history no longer keeps.
	 * @return how many runs were deleted
	 */
	int deleteExpired() {
		if (this.keep.isZero()) {
			return 0;
		}
		Instant before = this.clock.instant().minus(this.keep);
		int deleted = 0;
		int batch;
		do {
			batch = this.transaction.execute((status) -> {
				List<Long> ids = this.runs.findExpired(before, Limit.of(BATCH));
				return ids.isEmpty() ? 0 : this.runs.deleteRuns(ids);
			});
			deleted += batch;
		}
		while (batch > 0 && !this.stopping);
		if (deleted > 0) {
			log.info("Deleted {} runs that ended before {} from the history (ferry.runs.keep-history {})", deleted,
					before, this.keep);
		}
		return deleted;
	}

	@Override
	void runOnce() {
		try {
			deleteExpired();
		}
		catch (RuntimeException ex) {
			log.warn("Deleting old runs from the history failed; trying again in {}: {}", EVERY, ex.getMessage());
		}
	}

	@Override
	Duration initialDelay() {
		return Duration.ZERO;
	}

	@Override
	Duration delay() {
		return EVERY;
	}

	@Override
	public void start() {
		this.stopping = false;
		super.start();
	}

	@Override
	public void stop() {
		this.stopping = true;
		super.stop();
	}

}
