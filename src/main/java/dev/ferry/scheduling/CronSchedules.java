package dev.ferry.scheduling;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * Reads the schedules users write: Quartz cron expressions (6 or 7 fields, with seconds)
 * as they are, and standard 5-field crontab lines and {@code @daily}-style shortcuts
 * translated to Quartz.
 */
final class CronSchedules {

	private static final Map<String, String> SHORTCUTS = Map.of("@yearly", "0 0 0 1 1 ?", "@annually", "0 0 0 1 1 ?",
			"@monthly", "0 0 0 1 * ?", "@weekly", "0 0 0 ? * SUN", "@daily", "0 0 0 * * ?", "@midnight", "0 0 0 * * ?",
			"@hourly", "0 0 * * * ?");

	private static final List<String> DAY_NAMES = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

	private CronSchedules() {
	}

	/**
	 * Translates a user's schedule into a valid Quartz cron expression.
	 * @throws IllegalArgumentException with a message fit for the user when it is not
	 * valid or never fires
	 */
	static String toQuartz(String cron) {
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
		expression.setTimeZone(TimeZone.getTimeZone("UTC"));
		if (expression.getNextValidTimeAfter(new Date()) == null) {
			throw new IllegalArgumentException("never fires");
		}
		return quartz;
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
		String quartzDayOfWeek = anyDayOfWeek ? "?" : dayNames(dayOfWeek);
		String quartzDayOfMonth = anyDayOfWeek ? dayOfMonth : "?";
		return String.join(" ", "0", fields[0], fields[1], quartzDayOfMonth, fields[3], quartzDayOfWeek);
	}

	/** Crontab counts weekdays 0-7 from Sunday, Quartz 1-7: translate through names. */
	private static String dayNames(String field) {
		BitSet days = new BitSet(7);
		for (String item : field.split(",")) {
			addDays(item.toUpperCase(Locale.ROOT), days);
		}
		List<String> names = new ArrayList<>();
		days.stream().forEach((day) -> names.add(DAY_NAMES.get(day)));
		return String.join(",", names);
	}

	private static void addDays(String item, BitSet days) {
		String range = item;
		int step = 1;
		int slash = item.indexOf('/');
		if (slash >= 0) {
			range = item.substring(0, slash);
			step = number(item.substring(slash + 1), item);
			if (step < 1) {
				throw new IllegalArgumentException("has a step of 0 in day of week '" + item + "'");
			}
		}
		int from;
		int to;
		if (range.equals("*")) {
			from = 0;
			to = 6;
		}
		else if (range.contains("-")) {
			String[] bounds = range.split("-", 2);
			from = day(bounds[0], item);
			to = day(bounds[1], item);
			if (to == 0 && from > 0) {
				to = 7;
			}
		}
		else {
			from = day(range, item);
			to = (slash >= 0) ? 6 : from;
		}
		if (from > to) {
			throw new IllegalArgumentException("has a backwards day-of-week range '" + item + "'");
		}
		for (int day = from; day <= to; day += step) {
			days.set(day % 7);
		}
	}

	private static int day(String token, String item) {
		int index = DAY_NAMES.indexOf(token);
		if (index >= 0) {
			return index;
		}
		int number = number(token, item);
		if (number < 0 || number > 7) {
			throw new IllegalArgumentException("has a day of week outside 0-7 in '" + item + "'");
		}
		return number;
	}

	private static int number(String token, String item) {
		try {
			return Integer.parseInt(token);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("has an invalid day of week '" + item + "'");
		}
	}

}
