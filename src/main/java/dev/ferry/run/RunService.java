package dev.ferry.run;

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

	RunService(RunRepository runs, RunTranscriptRepository transcripts) {
		this.runs = runs;
		this.transcripts = transcripts;
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
