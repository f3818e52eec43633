package dev.ferry.scheduling;

import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.ferry.job.CronDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CronSchedulesTests {

	private static final ZoneId UTC = ZoneId.of("UTC");

	@ParameterizedTest(name = "''{0}'' -> ''{1}''")
	@CsvSource(delimiter = '|', textBlock = """
			0 30 2 * * ?        | 0 30 2 * * ?
			0 0 12 ? * MON-FRI 2030 | 0 0 12 ? * MON-FRI 2030
			30 2 * * *          | 0 30 2 * * ?
			*/15 * * * *        | 0 */15 * * * ?
			0 3 1 * *           | 0 0 3 1 * ?
			0 3 * * 1-5         | 0 0 3 ? * MON-FRI
			0 3 * * 1,2,3,4,5   | 0 0 3 ? * MON-FRI
			0 3 * * 0           | 0 0 3 ? * SUN
			0 3 * * 7           | 0 0 3 ? * SUN
			0 3 * * 0-4         | 0 0 3 ? * SUN-THU
			0 3 * * 5-7         | 0 0 3 ? * FRI-SUN
			0 3 * * sat,sun     | 0 0 3 ? * SAT,SUN
			0 3 * * 1,2         | 0 0 3 ? * MON,TUE
			0 3 * * 0-6         | 0 0 3 ? * *
			0 3 * * */2         | 0 0 3 ? * TUE,THU,SAT,SUN
			0 3 * * 1-3,5       | 0 0 3 ? * MON-WED,FRI
			0 3 * JAN-MAR 1     | 0 0 3 ? JAN-MAR MON
			@daily              | 0 0 0 * * ?
			@HOURLY             | 0 0 * * * ?
			@weekly             | 0 0 0 ? * SUN
			""")
	void translatesToQuartz(String cron, String quartz) {
		assertThat(CronSchedules.toQuartz(cron, UTC)).isEqualTo(quartz);
	}

	@ParameterizedTest(name = "''{0}'' is refused: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0 3 1 * 1           | restricts both day of month and day of week
			* * *               | must have 5 fields
			0 0 0 0 0 0 0 0     | must have 5 fields
			0 61 * * * ?        | is not a valid cron expression
			0 0 25 * * ?        | is not a valid cron expression
			0 3 * * 8           | outside 0-7
			0 3 * * 5-1         | backwards
			0 3 * * FUNDAY      | invalid day of week
			0 0 0 30 2 ?        | never fires
			""")
	void refusesWithAReason(String cron, String reason) {
		assertThatIllegalArgumentException().isThrownBy(() -> CronSchedules.toQuartz(cron, UTC))
			.withMessageContaining(reason);
	}

	@Test
	void refusesATranslationLongerThanQuartzStoresNamingTheLimit() {
		String minutes = IntStream.rangeClosed(0, 37).mapToObj(Integer::toString).collect(Collectors.joining(","));
		// 120 characters: Quartz's seconds and '?' make 122
		String cron = minutes + " 1,2,3,4,15 * * *";

		assertThatIllegalArgumentException().isThrownBy(() -> CronSchedules.toQuartz(cron, UTC))
			.withMessageContaining("122 characters")
			.withMessageContaining("at most 120");
		// as long, but its weekdays become one range of names
		assertThat(CronSchedules.toQuartz(minutes + " 03 * * 1,2,3,4,5", UTC)).hasSize(120);
	}

	@Test
	void checksThatAScheduleWithAYearFiresInItsZone() {
		ZonedDateTime inSixHours = ZonedDateTime.now(ZoneOffset.UTC).plusHours(6);
		String cron = inSixHours.getSecond() + " " + inSixHours.getMinute() + " " + inSixHours.getHour() + " "
				+ inSixHours.getDayOfMonth() + " " + inSixHours.getMonthValue() + " ? " + inSixHours.getYear();

		assertThat(CronSchedules.toQuartz(cron, UTC)).isEqualTo(cron);
		// that wall-clock time was eight hours ago on Kiritimati (UTC+14)
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CronSchedules.toQuartz(cron, ZoneId.of("Pacific/Kiritimati")))
			.withMessageContaining("never fires (in Pacific/Kiritimati)");
	}

	@Test
	void translatesEveryCrontabWeekdayFieldIntoQuartzThatFiresOnTheSameDays() throws ParseException {
		List<String> fields = new ArrayList<>();
		List<String> tokens = List.of("0", "1", "2", "3", "4", "5", "6", "7", "sun", "tue", "Sat");
		fields.add("*/2");
		fields.add("*/3");
		for (String from : tokens) {
			fields.add(from);
			fields.add(from + "/2");
			for (String to : tokens) {
				fields.add(from + "-" + to);
				fields.add(from + "-" + to + "/2");
				fields.add(from + "," + to);
				fields.add(from + "," + to + ",4-5");
			}
		}
		int translated = 0;
		for (String field : fields) {
			Set<DayOfWeek> days;
			try {
				days = CronDialect.CRONTAB.days(field);
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			String quartz = CronSchedules.toQuartz("0 12 * * " + field, UTC);
			assertThat(firesOn(quartz)).as(field + " -> " + quartz).isEqualTo(days);
			translated++;
		}
		assertThat(translated).isGreaterThan(300);
	}

	@Test
	void readsEveryQuartzWeekdayFieldAsQuartzDoesOrNotAtAll() throws ParseException {
		// the dashboard reads Quartz's weekdays without Quartz: it must never say a day
		// that Quartz does not fire on
		List<String> read = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (String field : quartzLikeWeekdays()) {
			String quartz = "0 0 12 ? * " + field;
			if (!CronExpression.isValidExpression(quartz)) {
				continue;
			}
			Set<DayOfWeek> days;
			try {
				days = CronDialect.QUARTZ.days(field);
			}
			catch (IllegalArgumentException ex) {
				refused.add(field);
				continue;
			}
			assertThat(days).as(field).isEqualTo(firesOn(quartz));
			read.add(field);
		}
		assertThat(read).hasSizeGreaterThan(700).contains("1-5", "MON-FRI", "6-2", "*/2", "2-6/3", "L");
		// Refused: what is not a set of weekdays (L and # after a day), and Quartz's
		// quirks: a step after a name ignored, "MONDAY" read as MON, a step of 0 as no
		// step, a range to 0 (no day in Quartz) as a range to 7
		assertThat(refused).isNotEmpty()
			.allMatch((field) -> field.matches(".*([A-Z]{3}.*/|[A-Z]{4}|L.|.L|#|/0|-0).*"), "a quirk");
	}

	@ParameterizedTest(name = "''{0}'' and ''{1}'' fire alike: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			0 0 3 ? * MON,TUE,WED,THU,FRI | 0 0 3 ? * MON-FRI | true
			0 0 3 ? * SUN,FRI,SAT         | 0 0 3 ? * FRI-SUN | true
			0 0 3 ? * SUN,TUE,THU,SAT     | 0 0 3 ? * */2     | true
			0 0 3 ? * MON-FRI             | 0 0 3 ? * MON-THU | false
			0 0 3 ? * MON-FRI             | 0 0 4 ? * MON-FRI | false
			0 0 3 ? * 6                   | 0 0 3 ? * 6L      | false
			0 0 3 ? * 6#2                 | 0 0 3 ? * 6#3     | false
			0 0 3 L * ?                   | 0 0 3 L-1 * ?     | false
			0 0 3 ? * 2 2030              | 0 0 3 ? * 2 2031  | false
			""")
	void comparesExpressionsByWhenTheyFire(String one, String other, boolean alike) {
		assertThat(CronSchedules.sameFireTimes(one, other)).isEqualTo(alike);
		assertThat(CronSchedules.sameFireTimes(other, one)).isEqualTo(alike);
	}

	/**
	 * Single items, ranges and steps of numbers (0-8) and names, with Quartz's L and #,
	 * and pairs of them as lists.
	 */
	private static List<String> quartzLikeWeekdays() {
		List<String> bounds = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "SUN", "MON", "WED", "FRI", "SAT",
				"MONDAY");
		Set<String> items = new LinkedHashSet<>(List.of("*", "L"));
		for (String from : bounds) {
			items.addAll(List.of(from, from + "L", from + "#2"));
			for (int step = 0; step <= 8; step += 2) {
				items.addAll(List.of(from + "/" + step, "*/" + step));
			}
			for (String to : bounds) {
				items.addAll(List.of(from + "-" + to, from + "-" + to + "/3"));
			}
		}
		List<String> fields = new ArrayList<>(items);
		for (String item : items) {
			for (String other : List.of("1", "3-4", "SAT", "*/3")) {
				fields.add(item + "," + other);
			}
		}
		return fields;
	}

	/** The days of one week on which the expression fires at noon UTC. */
	private static Set<DayOfWeek> firesOn(String quartz) throws ParseException {
		CronExpression expression = new CronExpression(quartz);
		expression.setTimeZone(CronSchedules.timeZone(ZoneOffset.UTC));
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		LocalDate monday = LocalDate.of(2026, 11, 30);
		for (int i = 0; i < 7; i++) {
			LocalDate day = monday.plusDays(i);
			if (expression.isSatisfiedBy(Date.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC)))) {
				days.add(day.getDayOfWeek());
			}
		}
		return days;
	}

}
