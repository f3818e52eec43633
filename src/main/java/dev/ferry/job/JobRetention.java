package dev.ferry.job;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Which of a job's old archives to keep on the server once a new one landed: the newest
 * {@code keepLast}, and the newest of each of the last {@code keepDaily} days, etc. All
 * counts zero means no retention: nothing is ever pruned.
 */
@Embeddable
public class JobRetention {

	@Column(name = "keep_last")
	private int keepLast;

	@Column(name = "keep_hourly")
	private int keepHourly;

	@Column(name = "keep_daily")
	private int keepDaily;

	@Column(name = "keep_weekly")
	private int keepWeekly;

	@Column(name = "keep_monthly")
	private int keepMonthly;

	@Column(name = "keep_yearly")
	private int keepYearly;

	protected JobRetention() {
	}

	JobRetention(JobRequest.RetentionRequest request) {
		if (request != null) {
			this.keepLast = orZero(request.keepLast());
			this.keepHourly = orZero(request.keepHourly());
			this.keepDaily = orZero(request.keepDaily());
			this.keepWeekly = orZero(request.keepWeekly());
			this.keepMonthly = orZero(request.keepMonthly());
			this.keepYearly = orZero(request.keepYearly());
		}
	}

	private static int orZero(Integer count) {
		return (count != null) ? count : 0;
	}

	/** Whether any rule is set; without one, nothing is pruned. */
	public boolean isConfigured() {
		return this.keepLast + this.keepHourly + this.keepDaily + this.keepWeekly + this.keepMonthly
				+ this.keepYearly > 0;
	}

	public int getKeepLast() {
		return this.keepLast;
	}

	public int getKeepHourly() {
		return this.keepHourly;
	}

	public int getKeepDaily() {
		return this.keepDaily;
	}

	public int getKeepWeekly() {
		return this.keepWeekly;
	}

	public int getKeepMonthly() {
		return this.keepMonthly;
	}

	public int getKeepYearly() {
		return this.keepYearly;
	}

}
