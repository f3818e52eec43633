package dev.ferry.scheduling;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.ferry.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Triggers that an earlier version of Ferry wrote stay as they are when the job's
 * schedule did not change, so that their pending misfires survive an upgrade.
 */
class TriggerUpgradeTests extends IntegrationTest {

	@TempDir
	static Path dir;

	@Autowired
	Scheduler quartz;

	@Test
	void keepsATriggerThatNamedEveryWeekdayOfARange() throws Exception {
		ObjectNode request = jobRequest("upgraded", Files.createDirectories(dir.resolve("upgraded")), "PASSIVE");
		request.putObject("schedule").put("cron", "30 2 * * 1-5");
		long id = createJob(request);
		TriggerKey key = QuartzJobScheduler.triggerKey(id);
		CronTrigger current = (CronTrigger) this.quartz.getTrigger(key);
		assertThat(current.getCronExpression()).isEqualTo("0 30 2 ? * MON-FRI");
		// the same crontab line as earlier versions translated it
		String earlier = "0 30 2 ? * MON,TUE,WED,THU,FRI";
		this.quartz.rescheduleJob(key,
				current.getTriggerBuilder()
					.withSchedule(CronScheduleBuilder.cronSchedule(earlier)
						.inTimeZone(current.getTimeZone())
						.withMisfireHandlingInstructionFireAndProceed())
					.build());

		assertThat(this.api.put("/api/jobs/" + id, request).status()).isEqualTo(200);

		assertThat(((CronTrigger) this.quartz.getTrigger(key)).getCronExpression()).isEqualTo(earlier);
		request.putObject("schedule").put("cron", "30 2 * * 1-4");
		assertThat(this.api.put("/api/jobs/" + id, request).status()).isEqualTo(200);
		assertThat(((CronTrigger) this.quartz.getTrigger(key)).getCronExpression()).isEqualTo("0 30 2 ? * MON-THU");
	}

}
