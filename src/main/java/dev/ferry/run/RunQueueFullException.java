package dev.ferry.run;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * "Run now" refused because as many runs as {@code ferry.runs.manual-queue} allows are
 * already waiting for a worker: 429 problem+json, nothing recorded.
 */
public class RunQueueFullException extends ErrorResponseException {

	RunQueueFullException(int waiting, int workers) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(waiting, workers), null);
	}

	private static ProblemDetail problem(int waiting, int workers) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"The run queue is full: " + waiting + " runs are already waiting for one of the " + workers
						+ " run-now workers (ferry.runs.manual-queue). Try again once some have started.");
		problem.setTitle("Run queue full");
		problem.setProperty("queued", waiting);
		problem.setProperty("workers", workers);
		return problem;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
