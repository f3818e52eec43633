package dev.ferry.job;

import java.time.Duration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How often a job tries again after a transient failure, and how long it waits between
 * attempts. One attempt (no retry) unless the job asks for more.
 */
@Embeddable
public class JobRetry {

	static final int DEFAULT_MAX_ATTEMPTS = 1;

	static final int DEFAULT_DELAY_SECONDS = 60;

	@Column(name = "retry_max_attempts")
	private int maxAttempts;

	@Column(name = "retry_delay_seconds")
	private int delaySeconds;

	protected JobRetry() {
	}

	JobRetry(JobRequest.RetryRequest request) {
		this.maxAttempts = (request != null && request.maxAttempts() != null) ? request.maxAttempts()
				: DEFAULT_MAX_ATTEMPTS;
		this.delaySeconds = (request != null && request.delaySeconds() != null) ? request.delaySeconds()
				: DEFAULT_DELAY_SECONDS;
	}

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public int getDelaySeconds() {
		return this.delaySeconds;
	}

	/** Whether a failed attempt with this number may be followed by another. */
	public boolean allowsAfter(int attempt) {
		return attempt < this.maxAttempts;
	}

	public Duration delay() {
		return Duration.ofSeconds(this.delaySeconds);
	}

}
