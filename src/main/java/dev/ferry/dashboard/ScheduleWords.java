package dev.ferry.dashboard;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferry.job.CronDialect;

/**
 * A cron expression in words for the usual schedules ("daily at 02:30", "hourly at :15",
 * "every 5 minutes", "at 02:30 on Monday to Friday", "weekly on Sunday at 03:00",
 * "monthly on day 1 at 03:00", "monthly on the last Friday at 03:00"); anything else as
 * the expression itself. Reads Quartz expressions (with seconds) and 5-field crontab
 * lines, as jobs accept them, each with its own numbering of the weekdays.
 */
final class ScheduleWords {

	private static final Map<String, String> ALIASES = Map.of("@yearly", "yearly on 1 January at 00:00", "@annually",
			"yearly on 1 January at 00:00", "@monthly", "monthly on day 1 at 00:00", "@weekly",
			"weekly on Sunday at 00:00", "@daily", "daily at 00:00", "@midnight", "daily at 00:00", "@hourly",
			"hourly at :00");

	/** Quartz's last given weekday of the month: {@code 6L}, {@code FRIL}. */
	private static final Pattern LAST = Pattern.compile("(\\d|[A-Z]{3})L");

	/** Quartz's n-th given weekday of the month: {@code 6#3}, {@code FRI#3}. */
	private static final Pattern NTH = Pattern.compile("(\\d|[A-Z]{3})#([1-5])");

	private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth");

	private ScheduleWords() {
	}

	static String describe(String cron) {
		String trimmed = cron.trim();
		String alias = ALIASES.get(trimmed.toLowerCase(Locale.ROOT));
		if (alias != null) {
			return alias;
		}
		String[] fields = trimmed.split("\\s+");
		CronDialect dialect = (fields.length == 5) ? CronDialect.CRONTAB : CronDialect.QUARTZ;
		if (fields.length == 5) {
			fields = ("0 " + trimmed).split("\\s+");
		}
		if (fields.length < 6 || fields.length > 7 || (fields.length == 7 && !isAny(fields[6]))) {
			return trimmed;
		}
		String second = fields[0];
		String minute = fields[1];
		String hour = fields[2];
		String dayOfMonth = fields[3];
		String month = fields[4];
		String dayOfWeek = fields[5];
		if (!"0".equals(second) || !isAny(month)) {
			return trimmed;
		}
		if (isAny(hour) && isAny(dayOfMonth) && isAny(dayOfWeek)) {
			if ("*".equals(minute)) {
				return "every minute";
			}
			if (minute.matches("(\\*|0)/\\d+")) {
				return "every " + minute.substring(minute.indexOf('/') + 1) + " minutes";
			}
			if (isNumber(minute)) {
				return "hourly at :" + twoDigits(minute);
			}
			return trimmed;
		}
		if (!isNumber(minute) || !isNumber(hour)) {
			return trimmed;
		}
		String time = twoDigits(hour) + ":" + twoDigits(minute);
		if (isAny(dayOfMonth) && isAny(dayOfWeek)) {
			return "daily at " + time;
		}
		if (isAny(dayOfMonth)) {
			return onWeekdays(dialect, dayOfWeek, time).orElse(trimmed);
		}
		if (isNumber(dayOfMonth) && isAny(dayOfWeek)) {
			return "monthly on day " + dayOfMonth + " at " + time;
		}
		return trimmed;
	}

	/** Empty when the field is nothing this can say in words. */
	private static Optional<String> onWeekdays(CronDialect dialect, String field, String time) {
		String upper = field.toUpperCase(Locale.ROOT);
		try {
			if (dialect == CronDialect.QUARTZ) {
				Matcher last = LAST.matcher(upper);
				if (last.matches()) {
					return Optional.of("monthly on the last " + name(dialect.day(last.group(1))) + " at " + time);
				}
				Matcher nth = NTH.matcher(upper);
				if (nth.matches()) {
					return Optional.of("monthly on the " + ORDINALS.get(Integer.parseInt(nth.group(2)) - 1) + " "
							+ name(dialect.day(nth.group(1))) + " at " + time);
				}
			}
			Set<DayOfWeek> days = dialect.days(field);
			if (days.size() == DayOfWeek.values().length) {
				return Optional.of("daily at " + time);
			}
			if (days.size() == 1) {
				return Optional.of("weekly on " + name(days.iterator().next()) + " at " + time);
			}
			return Optional.of("at " + time + " on " + words(CronDialect.runs(days)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** "Monday to Friday", "Saturday and Sunday", "Monday, Wednesday and Friday". */
	private static String words(List<List<DayOfWeek>> runs) {
		List<String> parts = new ArrayList<>();
		for (List<DayOfWeek> run : runs) {
			if (run.size() > 2) {
				parts.add(name(run.get(0)) + " to " + name(run.get(run.size() - 1)));
			}
			else {
				run.forEach((day) -> parts.add(name(day)));
			}
		}
		int last = parts.size() - 1;
		return (last == 0) ? parts.get(0) : String.join(", ", parts.subList(0, last)) + " and " + parts.get(last);
	}

	private static String name(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
	}

	private static boolean isAny(String field) {
		return "*".equals(field) || "?".equals(field);
	}

	private static boolean isNumber(String field) {
		return field.matches("\\d{1,2}");
	}

	private static String twoDigits(String number) {
		return (number.length() == 1) ? "0" + number : number;
	}

}
