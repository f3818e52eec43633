package dev.ferry.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schedules over HTTP against the real service, Quartz store and database: a valid
 * schedule is stored as written, or refused with a 400 that names {@code schedule.cron}
 * and the limit it exceeds — never a 500.
 */
class ScheduleApiTests extends IntegrationTest {

	/**
	 * The minutes 0 to 37 as a list: 103 characters, so that a crontab line built on it
	 * reaches the 120 characters a schedule may have.
	 */
	private static final String MINUTES = IntStream.rangeClosed(0, 37)
		.mapToObj(Integer::toString)
		.collect(Collectors.joining(","));

	@TempDir
	static Path dir;

	static Path source;

	@BeforeAll
	static void createSource() throws IOException {
		source = Files.createDirectories(dir.resolve("site"));
	}

	@Test
	void storesACrontabLineOfTheFullLengthWhoseWeekdaysBecomeNames() {
		// Quartz counts weekdays differently, so the weekdays are translated into names,
		// and Quartz wants seconds: the translation must still fit Quartz's store.
		String cron = MINUTES + " 03 * * 1,2,3,4,5";
		assertThat(cron).hasSize(120);

		Api.Response created = this.api.post("/api/jobs", scheduled("schedule-long-weekdays", cron, null));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("schedule").path("cron").asString()).isEqualTo(cron);
		ZonedDateTime next = Instant.parse(created.json().path("nextFireTime").asString()).atZone(ZoneOffset.UTC);
		assertThat(next.getDayOfWeek()).isBetween(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
		assertThat(next.getHour()).isEqualTo(3);
		assertThat(next.getMinute()).isBetween(0, 37);
		assertThat(this.api.get("/api/jobs/" + created.id()).json()).isEqualTo(created.json());
		Api.Response page = this.api.page("/jobs/" + created.id());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(cron);
	}

	@Test
	void refusesACrontabLineThatQuartzCannotStoreNamingTheLimit() {
		// 120 characters as written, 122 once Quartz's seconds and '?' are added
		String cron = MINUTES + " 1,2,3,4,15 * * *";
		assertThat(cron).hasSize(120);

		Api.Response refused = this.api.post("/api/jobs", scheduled("schedule-too-long", cron, null));

		assertRefusedForTheSchedule(refused, "at most 120");
		assertThat(this.api.get("/api/jobs").body()).doesNotContain("schedule-too-long");
	}

	@Test
	void keepsTheStoredScheduleWhenAChangeIsTooLongForQuartz() {
		long id = createJob(scheduled("schedule-kept", "30 2 * * 1-5", null));
		JsonNode before = this.api.get("/api/jobs/" + id).json();
		// 117 characters as written; 127 in Quartz, where these weekdays are four names
		String cron = MINUTES + " 3 * * 0,2,4,6";
		assertThat(cron).hasSize(117);

		Api.Response refused = this.api.put("/api/jobs/" + id, scheduled("schedule-kept", cron, null));

		assertRefusedForTheSchedule(refused, "at most 120");
		JsonNode after = this.api.get("/api/jobs/" + id).json();
		assertThat(after.path("schedule").path("cron").asString()).isEqualTo("30 2 * * 1-5");
		assertThat(after.path("nextFireTime")).isEqualTo(before.path("nextFireTime"));
		assertThat(this.api.page("/jobs/" + id).body()).contains("at 02:30 on Monday to Friday");
	}

	@Test
	void refusesAOneShotScheduleThatHasPassedInItsOwnTimeZone() {
		// Six hours from now in UTC, but already past on Kiritimati (UTC+14)
		String cron = oneShot(ZonedDateTime.now(ZoneOffset.UTC).plusHours(6));

		Api.Response refused = this.api.post("/api/jobs",
				scheduled("schedule-passed-in-zone", cron, "Pacific/Kiritimati"));

		assertRefusedForTheSchedule(refused, "never fires");
		assertThat(this.api.get("/api/jobs").body()).doesNotContain("schedule-passed-in-zone");
	}

	@Test
	void acceptsAOneShotScheduleThatIsStillAheadInItsOwnTimeZone() {
		// Six hours ago in UTC, but still ahead on Baker Island (UTC-12)
		ZoneId zone = ZoneId.of("Etc/GMT+12");
		ZonedDateTime at = ZonedDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS).plusHours(6);

		Api.Response created = this.api.post("/api/jobs",
				scheduled("schedule-ahead-in-zone", oneShot(at), zone.getId()));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(Instant.parse(created.json().path("nextFireTime").asString())).isEqualTo(at.toInstant());
	}

	/** A valid job request with this schedule; {@code timezone} may be {@code null}. */
	private static ObjectNode scheduled(String name, String cron, String timezone) {
		ObjectNode request = jobRequest(name, source, "PASSIVE");
		request.putObject("schedule").put("cron", cron).put("timezone", timezone);
		return request;
	}

	private static void assertRefusedForTheSchedule(Api.Response refused, String reason) {
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		JsonNode errors = refused.json().path("errors");
		assertThat(errors.findValuesAsString("field")).containsExactly("schedule.cron");
		assertThat(errors.get(0).path("message").asString()).contains(reason);
	}

	/** A Quartz expression that fires once, at {@code at}'s wall-clock time. */
	private static String oneShot(ZonedDateTime at) {
		return at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " " + at.getDayOfMonth() + " "
				+ at.getMonthValue() + " ? " + at.getYear();
	}

}
