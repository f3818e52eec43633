package dev.ferry.job;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The two dialects a job's schedule may be written in, and how each reads its day-of-week
 * field. They number the days differently: a crontab line counts 0-7 from Sunday (0 and 7
 * are both Sunday), Quartz 1-7 from Sunday, so {@code 1-5} is Monday to Friday in one and
 * Sunday to Thursday in the other. Both take names ({@code SUN} to {@code SAT}, any
 * case), lists, ranges and steps. Pure parsing, shared by the scheduling package, which
 * translates crontab lines for Quartz, and the dashboard, which says schedules in words.
 */
public enum CronDialect {

	/**
	 * A standard crontab line of 5 fields: minute hour day month weekday. A range may not
	 * run backwards, except to 0: {@code 5-0} ends on the Sunday that crontab also counts
	 * as 7.
	 */
	CRONTAB(0) {
		@Override
		int endOfBackwardsRange(int from, int to, String item) {
			if (to == 0) {
				return 7;
			}
			throw new IllegalArgumentException("has a backwards day-of-week range '" + item + "'");
		}

	},

	/**
	 * A Quartz expression of 6 or 7 fields: second minute hour day month weekday [year].
	 * A backwards range wraps around the week ({@code FRI-MON}); a lone {@code L} is
	 * Saturday.
	 */
	QUARTZ(1) {
		@Override
		int endOfBackwardsRange(int from, int to, String item) {
			return to + 7;
		}

		@Override
		public Set<DayOfWeek> days(String field) {
			return field.equalsIgnoreCase("L") ? EnumSet.of(DayOfWeek.SATURDAY) : super.days(field);
		}

		@Override
		void checkStep(String range, String item) {
			if (range.chars().anyMatch(Character::isLetter)) {
				// Quartz silently drops a step after a day name (MON-FRI/2 fires Monday
				// to Friday): reading the step would name days it never fires on.
				throw new IllegalArgumentException(
						"has a step after a day name, which Quartz ignores, in '" + item + "'");
			}
		}
	};

	private static final List<String> NAMES = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

	/** The number of Sunday; Saturday is 6 more. */
	private final int sunday;

	CronDialect(int sunday) {
		this.sunday = sunday;
	}

	/**
	 * The days a day-of-week field names: {@code *}, numbers and names, and lists of
	 * them, of ranges and of steps. Quartz's {@code ?} (no day of week), {@code L} with a
	 * day and {@code #} are not sets of weekdays and are refused.
	 * @throws IllegalArgumentException with a message fit for the user when the field is
	 * none of these
	 */
	public Set<DayOfWeek> days(String field) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String item : field.split(",")) {
			addDays(item.toUpperCase(Locale.ROOT), days);
		}
		if (days.isEmpty()) {
			throw new IllegalArgumentException("has no day of week in '" + field + "'");
		}
		return days;
	}

	/**
	 * The day one number or name stands for.
	 * @throws IllegalArgumentException when it is neither
	 */
	public DayOfWeek day(String token) {
		return dayOfWeek(number(token.toUpperCase(Locale.ROOT), token));
	}

	/**
	 * Groups days into runs of consecutive days, reading the week as a circle (Friday to
	 * Monday is one run), ordered by the day each run starts on, from Sunday. All seven
	 * days are one run from Sunday to Saturday.
	 */
	public static List<List<DayOfWeek>> runs(Set<DayOfWeek> days) {
		List<List<DayOfWeek>> runs = new ArrayList<>();
		if (days.size() == DayOfWeek.values().length) {
			runs.add(week(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY));
			return runs;
		}
		for (int i = 0; i < 7; i++) {
			DayOfWeek start = DayOfWeek.SUNDAY.plus(i);
			if (days.contains(start) && !days.contains(start.minus(1))) {
				DayOfWeek end = start;
				while (days.contains(end.plus(1))) {
					end = end.plus(1);
				}
				runs.add(week(start, end));
			}
		}
		return runs;
	}

	/**
	 * Where a range that runs backwards ends, counted past its start; or why it is wrong.
	 */
	abstract int endOfBackwardsRange(int from, int to, String item);

	/** Refuses a step this dialect does not read as written. */
	void checkStep(String range, String item) {
	}

	private void addDays(String item, Set<DayOfWeek> days) {
		String range = item;
		int step = 1;
		int slash = item.indexOf('/');
		if (slash >= 0) {
			range = item.substring(0, slash);
			step = digits(item.substring(slash + 1), item);
			if (step < 1) {
				throw new IllegalArgumentException("has a step of 0 in day of week '" + item + "'");
			}
			checkStep(range, item);
		}
		int saturday = this.sunday + 6;
		int from;
		int to;
		if (range.equals("*")) {
			from = this.sunday;
			to = saturday;
		}
		else if (range.contains("-")) {
			String[] bounds = range.split("-", 2);
			from = number(bounds[0], item);
			to = number(bounds[1], item);
		}
		else {
			from = number(range, item);
			// a step from one day counts up to the end of the week
			to = (slash >= 0) ? saturday : from;
		}
		if (to < from) {
			to = endOfBackwardsRange(from, to, item);
		}
		for (int day = from; day <= to; day += step) {
			days.add(dayOfWeek(day));
		}
	}

	private int number(String token, String item) {
		int index = NAMES.indexOf(token);
		if (index >= 0) {
			return this.sunday + index;
		}
		int number = digits(token, item);
		if (number < this.sunday || number > 7) {
			throw new IllegalArgumentException("has a day of week outside " + this.sunday + "-7 in '" + item + "'");
		}
		return number;
	}

	private static int digits(String token, String item) {
		if (!token.matches("\\d{1,2}")) {
			throw new IllegalArgumentException("has an invalid day of week '" + item + "'");
		}
		return Integer.parseInt(token);
	}

	/** Any number of this dialect, including those past Saturday in a wrapped range. */
	private DayOfWeek dayOfWeek(int number) {
		return DayOfWeek.SUNDAY.plus(number - this.sunday);
	}

	private static List<DayOfWeek> week(DayOfWeek start, DayOfWeek end) {
		List<DayOfWeek> run = new ArrayList<>();
		for (DayOfWeek day = start; day != end; day = day.plus(1)) {
			run.add(day);
		}
		run.add(end);
		return run;
	}

}
