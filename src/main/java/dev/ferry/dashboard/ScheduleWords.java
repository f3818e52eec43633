package dev.ferry.dashboard;

import java.util.Locale;
import java.util.Map;

/**
 * A cron expression in words for the usual schedules ("daily at 02:30", "hourly at :15",
 * "every 5 minutes", "at 02:30 on MON-FRI", "monthly on day 1 at 03:00"); anything else
 * as the expression itself. Reads Quartz expressions (with seconds) and 5-field crontab
 * lines, as jobs accept them.
 */
final class ScheduleWords {

	private static final Map<String, String> ALIASES = Map.of("@yearly", "yearly on 1 January at 00:00", "@annually",
			"yearly on 1 January at 00:00", "@monthly", "monthly on day 1 at 00:00", "@weekly",
			"weekly on Sunday at 00:00", "@daily", "daily at 00:00", "@midnight", "daily at 00:00", "@hourly",
			"hourly at :00");

	private ScheduleWords() {
	}

	static String describe(String cron) {
		String trimmed = cron.trim();
		String alias = ALIASES.get(trimmed.toLowerCase(Locale.ROOT));
		if (alias != null) {
			return alias;
		}
		String[] fields = trimmed.split("\\s+");
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
			return "at " + time + " on " + dayOfWeek;
		}
		if (isNumber(dayOfMonth) && isAny(dayOfWeek)) {
			return "monthly on day " + dayOfMonth + " at " + time;
		}
		return trimmed;
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
