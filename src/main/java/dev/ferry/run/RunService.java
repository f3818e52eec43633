package dev.ferry.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ferry.system.InvalidRequestException;
import dev.ferry.system.NotFoundException;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads run history.
 */
@Service
public class RunService {

	static final int MAX_PAGE_SIZE = 200;

	private final RunRepository runs;

	private final RunTranscriptRepository transcripts;

	private final Liveness liveness;

	RunService(RunRepository runs, RunTranscriptRepository transcripts, Liveness liveness) {
		this.runs = runs;
		this.transcripts = transcripts;
		this.liveness = liveness;
	}

	/**
	 * How far a run got: live while it runs on this instance, else as recorded (for a run
	 * on another instance, as of its last heartbeat).
	 */
	public LiveProgress progress(BackupRun run) {
		RunProgress.Snapshot counters = this.liveness.progress(run.getId())
			.filter((live) -> run.getStatus() == RunStatus.RUNNING)
			.orElseGet(() -> run.counters().snapshot());
		return new LiveProgress(counters.phase(), counters.filesArchived(), counters.bytesRead(),
				counters.bytesUploaded(), counters.estimatedTotalBytes());
	}

	/** How many runs started since an instant, by status (missing: none). */
	@Transactional(readOnly = true)
	public Map<RunStatus, Long> countsSince(Instant since) {
		Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
		for (Object[] row : this.runs.countByStatusSince(since)) {
			counts.put((RunStatus) row[0], (Long) row[1]);
		}
		return counts;
	}

	/**
	 * A run's counters.
	 *
	 * @param estimatedTotalBytes the size of the files to archive, or {@code null}
	 */
	public record LiveProgress(RunPhase phase, long filesArchived, long bytesRead, long bytesUploaded,
			Long estimatedTotalBytes) {

		/** Percent of the source bytes read, 0-100, or {@code null} when unknown. */
		public Integer percent() {
			if (this.estimatedTotalBytes == null || this.estimatedTotalBytes <= 0) {
				return null;
			}
			return (int) Math.min(100, this.bytesRead * 100 / this.estimatedTotalBytes);
		}

	}

	/** Runs newest first, optionally of one job and in one status. */
	@Transactional(readOnly = true)
	public Page<BackupRun> find(Long jobId, RunStatus status, int page, int size) {
		if (page < 0) {
			throw new InvalidRequestException("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		if ((long) page * size > Integer.MAX_VALUE) {
			throw new InvalidRequestException("page", "is beyond the last possible page");
		}
		return this.runs.search(jobId, status, PageRequest.of(page, size));
	}

	/**
	 * The newest runs of a job, or of all jobs when {@code jobId} is {@code null}. Reads
	 * an index and never counts, so it costs the same however long the history.
	 */
	@Transactional(readOnly = true)
	public List<BackupRun> latest(Long jobId, int limit) {
		return newestFirst(jobId, null, null, limit);
	}

	/** The job's newest successful run. */
	@Transactional(readOnly = true)
	public Optional<BackupRun> lastSuccess(long jobId) {
		return newestFirst(jobId, RunStatus.SUCCEEDED, null, 1).stream().findFirst();
	}

	/**
	 * One page of history, newest first, optionally of one job and in one status, found
	 * by its neighbours' ids rather than by number: no count, and an index read at any
	 * depth.
	 * @param before the page is of runs older than this one, or the newest when
	 * {@code null}
	 * @param after the page is of the runs just newer than this one (when given,
	 * {@code before} is ignored); the newest page when there are none
	 */
	@Transactional(readOnly = true)
	public RunPage history(Long jobId, RunStatus status, Long before, Long after, int size) {
		List<BackupRun> page;
		if (after != null && !(page = newer(jobId, status, after, size)).isEmpty()) {
			return pageOf(jobId, status, page);
		}
		return pageOf(jobId, status, newestFirst(jobId, status, (after != null) ? null : before, size));
	}

	private RunPage pageOf(Long jobId, RunStatus status, List<BackupRun> page) {
		if (page.isEmpty()) {
			return new RunPage(page, null, null);
		}
		long newest = page.get(0).getId();
		long oldest = page.get(page.size() - 1).getId();
		boolean newer = this.runs.exists(matching(jobId, status, null, newest));
		boolean older = this.runs.exists(matching(jobId, status, oldest, null));
		return new RunPage(page, newer ? newest : null, older ? oldest : null);
	}

	private List<BackupRun> newestFirst(Long jobId, RunStatus status, Long before, int limit) {
		return this.runs.findBy(matching(jobId, status, before, null),
				(query) -> query.sortBy(indexOrder(jobId, status, Sort.Direction.DESC)).limit(limit).all());
	}

	private List<BackupRun> newer(Long jobId, RunStatus status, long after, int limit) {
		List<BackupRun> oldestFirst = this.runs.findBy(matching(jobId, status, null, after),
				(query) -> query.sortBy(indexOrder(jobId, status, Sort.Direction.ASC)).limit(limit).all());
		List<BackupRun> newestFirst = new ArrayList<>(oldestFirst);
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	private static Specification<BackupRun> matching(Long jobId, RunStatus status, Long before, Long after) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (jobId != null) {
				where.add(cb.equal(root.get("jobId"), jobId));
			}
			if (status != null) {
				where.add(cb.equal(root.get("status"), status));
			}
			if (before != null) {
				where.add(cb.lessThan(root.get("id"), before));
			}
			if (after != null) {
				where.add(cb.greaterThan(root.get("id"), after));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

	/**
	 * By id, but naming the filtered columns first: H2 reads an index in order (and stops
	 * after {@code limit} rows) only when the ORDER BY spells out the index's columns.
	 */
	private static Sort indexOrder(Long jobId, RunStatus status, Sort.Direction direction) {
		List<String> columns = new ArrayList<>();
		if (jobId != null) {
			columns.add("jobId");
		}
		if (status != null) {
			columns.add("status");
		}
		columns.add("id");
		return Sort.by(direction, columns.toArray(String[]::new));
	}

	/**
	 * Runs newest first, with the ids that lead to the neighbouring pages.
	 *
	 * @param newer pass as {@code after} for the newer page; {@code null} on the newest
	 * @param older pass as {@code before} for the older page; {@code null} on the oldest
	 */
	public record RunPage(List<BackupRun> runs, Long newer, Long older) {
	}

	/**
	 * The run's FTP transcript, passwords masked; empty when the run never reached the
	 * server.
	 */
	@Transactional(readOnly = true)
	public String transcript(long id) {
		get(id);
		return this.transcripts.findById(id).map(RunTranscript::getText).orElse("");
	}

	@Transactional(readOnly = true)
	public BackupRun get(long id) {
		return this.runs.findById(id).orElseThrow(() -> new NotFoundException("No run with id " + id));
	}

}
