package dev.ferry.scheduling;

import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import dev.ferry.job.CronDialect;
import org.quartz.CronExpression;

/**
 * Reads the schedules users write: Quartz cron expressions (6 or 7 fields, with seconds)
 * as they are, and standard 5-field crontab lines and {@code @daily}-style shortcuts
 * translated to Quartz.
 */
final class CronSchedules {

	/**
	 * The longest expression Quartz can store: its column
	 * {@code QRTZ_CRON_TRIGGERS.CRON_EXPRESSION} is {@code VARCHAR(120)}
	 * (V1__quartz_tables.sql).
	 */
	static final int QUARTZ_MAX_LENGTH = 120;

	private static final Map<String, String> SHORTCUTS = Map.of("@yearly", "0 0 0 1 1 ?", "@annually", "0 0 0 1 1 ?",
			"@monthly", "0 0 0 1 * ?", "@weekly", "0 0 0 ? * SUN", "@daily", "0 0 0 * * ?", "@midnight", "0 0 0 * * ?",
			"@hourly", "0 0 * * * ?");

	private CronSchedules() {
	}

	/**
	 * Translates a user's schedule into a valid Quartz cron expression that fires in
	 * {@code zone} and fits Quartz's store.
	 * @throws IllegalArgumentException with a message fit for the user when it is not
	 * valid, too long for Quartz or never fires
	 */
	static String toQuartz(String cron, ZoneId zone) {
		String trimmed = cron.trim();
		String shortcut = SHORTCUTS.get(trimmed.toLowerCase(Locale.ROOT));
		String[] fields = trimmed.split("\\s+");
		String quartz;
		if (shortcut != null) {
			quartz = shortcut;
		}
		else if (fields.length == 5) {
			quartz = fromCrontab(fields);
		}
		else if (fields.length == 6 || fields.length == 7) {
			quartz = trimmed;
		}
		else {
			throw new IllegalArgumentException("must have 5 fields (crontab: minute hour day month weekday) "
					+ "or 6-7 fields (Quartz: second minute hour day month weekday [year]), got " + fields.length);
		}
		CronExpression expression;
		try {
			expression = new CronExpression(quartz);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("is not a valid cron expression: " + ex.getMessage());
		}
		// Quartz stores its own upper-cased copy: measure that
		String stored = expression.getCronExpression();
		if (stored.length() > QUARTZ_MAX_LENGTH) {
			throw new IllegalArgumentException("becomes the Quartz expression '" + stored + "' of " + stored.length()
					+ " characters, and Quartz stores at most " + QUARTZ_MAX_LENGTH
					+ ": shorten it, e.g. with ranges (0-30) or steps (*/5) instead of lists");
		}
		expression.setTimeZone(timeZone(zone));
		if (expression.getNextValidTimeAfter(new Date()) == null) {
			throw new IllegalArgumentException("never fires (in " + zone.getId() + ")");
		}
		return quartz;
	}

	/**
	 * Whether two valid Quartz expressions fire at the same times however they are
	 * written ({@code MON-FRI} and {@code MON,TUE,WED,THU,FRI}): Quartz's summary lists
	 * every value it parsed from them.
	 */
	static boolean sameFireTimes(String one, String other) {
		if (one.equals(other)) {
			return true;
		}
		try {
			return new CronExpression(one).getExpressionSummary()
				.equals(new CronExpression(other).getExpressionSummary());
		}
		catch (ParseException ex) {
			return false;
		}
	}

	/** The zone as Quartz takes it. */
	static TimeZone timeZone(ZoneId zone) {
		// normalized(): TimeZone does not know "UTC+01:00" and would silently read it as
		// GMT
		return TimeZone.getTimeZone(zone.normalized());
	}

	private static String fromCrontab(String[] fields) {
		String dayOfMonth = fields[2];
		String dayOfWeek = fields[4];
		boolean anyDayOfMonth = dayOfMonth.equals("*");
		boolean anyDayOfWeek = dayOfWeek.equals("*");
		if (!anyDayOfMonth && !anyDayOfWeek) {
			// crontab fires when EITHER field matches; Quartz cannot express that.
			throw new IllegalArgumentException("restricts both day of month and day of week, which crontab reads as "
					+ "'either'; Quartz cannot express that: write two jobs or a Quartz expression");
		}
		String quartzDayOfWeek = anyDayOfWeek ? "?" : dayNames(CronDialect.CRONTAB.days(dayOfWeek));
		String quartzDayOfMonth = anyDayOfWeek ? dayOfMonth : "?";
		return String.join(" ", "0", fields[0], fields[1], quartzDayOfMonth, fields[3], quartzDayOfWeek);
	}

	/**
	 * Crontab counts weekdays 0-7 from Sunday, Quartz 1-7: translate through names, as
	 * short as Quartz reads them (MON-FRI, FRI-SUN, SAT,SUN) to fit its store.
	 */
	private static String dayNames(Set<DayOfWeek> days) {
		if (days.size() == DayOfWeek.values().length) {
			return "*";
		}
		List<String> names = new ArrayList<>();
		for (List<DayOfWeek> run : CronDialect.runs(days)) {
			if (run.size() > 2) {
				names.add(name(run.get(0)) + "-" + name(run.get(run.size() - 1)));
			}
			else {
				run.forEach((day) -> names.add(name(day)));
			}
		}
		return String.join(",", names);
	}

	private static String name(DayOfWeek day) {
		return day.name().substring(0, 3);
	}

}
