package dev.ferry.run;

import java.time.Instant;
import java.util.List;

import dev.ferry.system.InvalidRequestException;
import dev.ferry.system.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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

	private final RunningJobs running;

	RunService(RunRepository runs, RunTranscriptRepository transcripts, RunningJobs running) {
		this.runs = runs;
		this.transcripts = transcripts;
		this.running = running;
	}

	/**
	 * How far a run got: live while it runs on this instance, else as recorded (for a run
	 * on another instance, as of its last heartbeat).
	 */
	public LiveProgress progress(BackupRun run) {
		RunProgress.Snapshot live = (run.getStatus() == RunStatus.RUNNING)
				? this.running.control(run.getId()).map((c) -> c.progress().snapshot()).orElse(null) : null;
		if (live != null) {
			return new LiveProgress(live.phase(), live.filesArchived(), live.bytesRead(), live.bytesUploaded(),
					live.estimatedTotalBytes());
		}
		return new LiveProgress(run.getPhase(), run.getFilesArchived(), run.getBytesRead(), run.getBytesUploaded(),
				run.getEstimatedTotalBytes());
	}

	/** Runs started since an instant, optionally in one status. */
	@Transactional(readOnly = true)
	public long countSince(Instant since, RunStatus status) {
		return (status != null) ? this.runs.countByStartedAtAfterAndStatus(since, status)
				: this.runs.countByStartedAtAfter(since);
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

	/** The newest runs of all jobs. */
	@Transactional(readOnly = true)
	public List<BackupRun> recent(int limit) {
		return this.runs.search(null, null, PageRequest.of(0, limit)).getContent();
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
