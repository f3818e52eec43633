package dev.ferry.dashboard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleWordsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "0 30 2 * * ?|daily at 02:30", "30 2 * * *|daily at 02:30", "0 15 * * * ?|hourly at :15",
					"0 */5 * * * ?|every 5 minutes", "*/10 * * * *|every 10 minutes", "0 * * * * ?|every minute",
					"0 0 3 ? * MON-FRI|at 03:00 on MON-FRI", "0 4 1 * *|monthly on day 1 at 04:00",
					"@daily|daily at 00:00", "@hourly|hourly at :00", "0 0 12 1 1 ? 2030|0 0 12 1 1 ? 2030",
					"0 0 0/6 * * ?|0 0 0/6 * * ?", "15 0 2 * * ?|15 0 2 * * ?" })
	void saysUsualSchedulesInWordsAndShowsTheRestAsTheyAre(String cron, String words) {
		assertThat(ScheduleWords.describe(cron)).isEqualTo(words);
	}

}
