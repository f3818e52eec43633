package dev.ferry.run;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Which try of a backup a run is: the first (started by the schedule or by hand), or a
 * retry of an earlier run that failed for a transient reason.
 *
 * @param number 1 for the first try
 * @param firstRunId the run of the first try, or {@code null} for the first try itself
 */
@Embeddable
record Attempt(@Column(name = "attempt") int number, @Column(name = "retry_of") Long firstRunId) {

	static final Attempt FIRST = new Attempt(1, null);

	/** The attempt after this one, given the id of this one's run. */
	Attempt next(long runId) {
		return new Attempt(this.number + 1, (this.firstRunId != null) ? this.firstRunId : runId);
	}

}
