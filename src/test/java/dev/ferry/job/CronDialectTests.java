package dev.ferry.job;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CronDialectTests {

	@ParameterizedTest(name = "crontab ''{0}'' is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			1-5         | MON,TUE,WED,THU,FRI
			0           | SUN
			7           | SUN
			0,7         | SUN
			*           | SUN,MON,TUE,WED,THU,FRI,SAT
			0-7         | SUN,MON,TUE,WED,THU,FRI,SAT
			5-7         | SUN,FRI,SAT
			5-0         | SUN,FRI,SAT
			sat,Sun     | SUN,SAT
			*/2         | SUN,TUE,THU,SAT
			1-5/2       | MON,WED,FRI
			MON-FRI/2   | MON,WED,FRI
			3/2         | WED,FRI
			1,3-4,06    | MON,WED,THU,SAT
			""")
	void readsCrontabWeekdaysCountingFromSundayAsZeroOrSeven(String field, String days) {
		assertThat(CronDialect.CRONTAB.days(field)).containsExactlyInAnyOrderElementsOf(days(days));
	}

	@ParameterizedTest(name = "Quartz ''{0}'' is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			1-5         | SUN,MON,TUE,WED,THU
			2-6         | MON,TUE,WED,THU,FRI
			MON-FRI     | MON,TUE,WED,THU,FRI
			1           | SUN
			7           | SAT
			L           | SAT
			*           | SUN,MON,TUE,WED,THU,FRI,SAT
			FRI-MON     | SUN,MON,FRI,SAT
			6-2         | SUN,MON,FRI,SAT
			*/2         | SUN,TUE,THU,SAT
			2/2         | MON,WED,FRI
			2-6/3       | MON,THU
			""")
	void readsQuartzWeekdaysCountingFromSundayAsOne(String field, String days) {
		assertThat(CronDialect.QUARTZ.days(field)).containsExactlyInAnyOrderElementsOf(days(days));
	}

	@ParameterizedTest(name = "{0} ''{1}'' is refused: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			CRONTAB | 8          | outside 0-7
			CRONTAB | 5-1        | backwards
			CRONTAB | FUNDAY     | invalid day of week
			CRONTAB | 1/0        | step of 0
			CRONTAB | 5L         | invalid day of week
			CRONTAB | 5#2        | invalid day of week
			CRONTAB | ?          | invalid day of week
			CRONTAB | +5         | invalid day of week
			QUARTZ  | 0          | outside 1-7
			QUARTZ  | MON-FRI/2  | step after a day name
			QUARTZ  | MONDAY     | invalid day of week
			QUARTZ  | 6L         | invalid day of week
			QUARTZ  | 6#3        | invalid day of week
			QUARTZ  | ?          | invalid day of week
			""")
	void refusesWhatItCannotReadWithAReason(CronDialect dialect, String field, String reason) {
		assertThatIllegalArgumentException().isThrownBy(() -> dialect.days(field)).withMessageContaining(reason);
	}

	@Test
	void groupsDaysIntoRunsAroundTheWeek() {
		assertThat(CronDialect.runs(EnumSet.range(MONDAY, FRIDAY)))
			.containsExactly(List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY));
		assertThat(CronDialect.runs(EnumSet.of(SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY)))
			.containsExactly(List.of(SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY));
		assertThat(CronDialect.runs(EnumSet.of(SATURDAY, SUNDAY, MONDAY, WEDNESDAY)))
			.containsExactly(List.of(WEDNESDAY), List.of(SATURDAY, SUNDAY, MONDAY));
		assertThat(CronDialect.runs(EnumSet.of(SUNDAY, TUESDAY))).containsExactly(List.of(SUNDAY), List.of(TUESDAY));
		assertThat(CronDialect.runs(EnumSet.allOf(DayOfWeek.class)))
			.containsExactly(List.of(SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY));
		assertThat(CronDialect.runs(EnumSet.noneOf(DayOfWeek.class))).isEmpty();
	}

	@Test
	void namesOneDayInEachDialect() {
		assertThat(CronDialect.CRONTAB.day("5")).isEqualTo(FRIDAY);
		assertThat(CronDialect.QUARTZ.day("5")).isEqualTo(THURSDAY);
		assertThat(CronDialect.QUARTZ.day("fri")).isEqualTo(FRIDAY);
		assertThatIllegalArgumentException().isThrownBy(() -> CronDialect.QUARTZ.day("8"));
	}

	private static List<DayOfWeek> days(String names) {
		return Arrays.stream(names.split(","))
			.map((name) -> Arrays.stream(DayOfWeek.values())
				.filter((day) -> day.name().startsWith(name))
				.findFirst()
				.orElseThrow())
			.collect(Collectors.toList());
	}

}
