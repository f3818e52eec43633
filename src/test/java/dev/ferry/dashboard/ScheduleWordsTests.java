package dev.ferry.dashboard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleWordsTests {

	@ParameterizedTest(name = "''{0}'' -> ''{1}''")
	@CsvSource(delimiter = '|', textBlock = """
			0 30 2 * * ?          | daily at 02:30
			30 2 * * *            | daily at 02:30
			0 15 * * * ?          | hourly at :15
			0 */5 * * * ?         | every 5 minutes
			*/10 * * * *          | every 10 minutes
			0 * * * * ?           | every minute
			0 4 1 * *             | monthly on day 1 at 04:00
			@daily                | daily at 00:00
			@hourly               | hourly at :00
			@weekly               | weekly on Sunday at 00:00
			0 0 12 1 1 ? 2030     | 0 0 12 1 1 ? 2030
			0 0 0/6 * * ?         | 0 0 0/6 * * ?
			15 0 2 * * ?          | 15 0 2 * * ?
			""")
	void saysUsualSchedulesInWordsAndShowsTheRestAsTheyAre(String cron, String words) {
		assertThat(ScheduleWords.describe(cron)).isEqualTo(words);
	}

	@ParameterizedTest(name = "crontab ''{0}'' -> ''{1}''")
	@CsvSource(delimiter = '|', textBlock = """
			30 2 * * 1-5          | at 02:30 on Monday to Friday
			30 2 * * mon-fri      | at 02:30 on Monday to Friday
			30 2 * * 0-4          | at 02:30 on Sunday to Thursday
			30 2 * * 0            | weekly on Sunday at 02:30
			30 2 * * 7            | weekly on Sunday at 02:30
			30 2 * * 6,0          | at 02:30 on Saturday and Sunday
			30 2 * * 5-7          | at 02:30 on Friday to Sunday
			30 2 * * 1,3,5        | at 02:30 on Monday, Wednesday and Friday
			30 2 * * */2          | at 02:30 on Tuesday, Thursday, Saturday and Sunday
			30 2 * * 1-3,5        | at 02:30 on Monday to Wednesday and Friday
			30 2 * * 0-7          | daily at 02:30
			""")
	void namesCrontabWeekdaysCountingSundayAsZeroOrSeven(String cron, String words) {
		assertThat(ScheduleWords.describe(cron)).isEqualTo(words);
	}

	@ParameterizedTest(name = "Quartz ''{0}'' -> ''{1}''")
	@CsvSource(delimiter = '|', textBlock = """
			0 30 2 ? * 1-5        | at 02:30 on Sunday to Thursday
			0 30 2 ? * 2-6        | at 02:30 on Monday to Friday
			0 0 3 ? * MON-FRI     | at 03:00 on Monday to Friday
			0 0 3 ? * 7           | weekly on Saturday at 03:00
			0 0 3 ? * L           | weekly on Saturday at 03:00
			0 0 3 ? * FRI-MON     | at 03:00 on Friday to Monday
			0 0 3 ? * 1,7         | at 03:00 on Saturday and Sunday
			0 0 3 ? * */2         | at 03:00 on Tuesday, Thursday, Saturday and Sunday
			0 0 3 ? * 6L          | monthly on the last Friday at 03:00
			0 0 3 ? * friL        | monthly on the last Friday at 03:00
			0 0 3 ? * 2#1         | monthly on the first Monday at 03:00
			0 0 3 ? * FRI#3       | monthly on the third Friday at 03:00
			0 0 3 ? * MON-FRI/2   | 0 0 3 ? * MON-FRI/2
			0 0 3 ? * MONDAY      | 0 0 3 ? * MONDAY
			0 0 3 ? * 6L,2        | 0 0 3 ? * 6L,2
			0 0 3 ? * 6#6         | 0 0 3 ? * 6#6
			0 0 3 ? JAN 2         | 0 0 3 ? JAN 2
			""")
	void namesQuartzWeekdaysCountingSundayAsOne(String cron, String words) {
		assertThat(ScheduleWords.describe(cron)).isEqualTo(words);
	}

}
