package dev.ferry.retention;

/**
 * How many archives each rule keeps. All zero means no retention: nothing is pruned.
 *
 * @param keepLast the newest this many
 * @param keepHourly the newest of each of the last this many hours that have an archive
 * @param keepDaily the same per day
 * @param keepWeekly the same per ISO week (Monday to Sunday)
 * @param keepMonthly the same per month
 * @param keepYearly the same per year
 */
public record RetentionPolicy(int keepLast, int keepHourly, int keepDaily, int keepWeekly, int keepMonthly,
		int keepYearly) {

	/** No retention: every archive is kept. */
	public static final RetentionPolicy NONE = new RetentionPolicy(0, 0, 0, 0, 0, 0);

	public RetentionPolicy {
		if (keepLast < 0 || keepHourly < 0 || keepDaily < 0 || keepWeekly < 0 || keepMonthly < 0 || keepYearly < 0) {
			throw new IllegalArgumentException("Retention counts must be 0 or more");
		}
	}

	/** Whether no rule is set, so that nothing may be pruned. */
	public boolean isNone() {
		return keepLast + keepHourly + keepDaily + keepWeekly + keepMonthly + keepYearly == 0;
	}

}
