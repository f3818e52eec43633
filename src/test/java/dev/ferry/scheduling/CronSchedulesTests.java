package dev.ferry.scheduling;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CronSchedulesTests {

	@ParameterizedTest(name = "''{0}'' -> ''{1}''")
	@CsvSource(delimiter = '|', textBlock = """
			0 30 2 * * ?        | 0 30 2 * * ?
			0 0 12 ? * MON-FRI 2030 | 0 0 12 ? * MON-FRI 2030
			30 2 * * *          | 0 30 2 * * ?
			*/15 * * * *        | 0 */15 * * * ?
			0 3 1 * *           | 0 0 3 1 * ?
			0 3 * * 1-5         | 0 0 3 ? * MON,TUE,WED,THU,FRI
			0 3 * * 0           | 0 0 3 ? * SUN
			0 3 * * 7           | 0 0 3 ? * SUN
			0 3 * * 5-7         | 0 0 3 ? * SUN,FRI,SAT
			0 3 * * sat,sun     | 0 0 3 ? * SUN,SAT
			0 3 * * */2         | 0 0 3 ? * SUN,TUE,THU,SAT
			0 3 * JAN-MAR 1     | 0 0 3 ? JAN-MAR MON
			@daily              | 0 0 0 * * ?
			@HOURLY             | 0 0 * * * ?
			@weekly             | 0 0 0 ? * SUN
			""")
	void translatesToQuartz(String cron, String quartz) {
		assertThat(CronSchedules.toQuartz(cron)).isEqualTo(quartz);
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
		assertThatIllegalArgumentException().isThrownBy(() -> CronSchedules.toQuartz(cron))
			.withMessageContaining(reason);
	}

}
