package dev.ferry.retention;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Retention as restic's {@code forget --keep-*} defines it, on file names.
 */
class RetentionPlannerTests {

	private static final BackupFileNames NAMES = new BackupFileNames("db", ".tar.gz");

	@Test
	void keepLastKeepsTheNewestAndDeletesTheRestWithTheirChecksums() {
		List<String> files = List.of(archive("2026-11-01T02:00:00Z"), archive("2026-11-02T02:00:00Z"),
				archive("2026-11-03T02:00:00Z"), checksum("2026-11-01T02:00:00Z"), checksum("2026-11-03T02:00:00Z"));

		RetentionPlan plan = plan(new RetentionPolicy(2, 0, 0, 0, 0, 0), files, ZoneOffset.UTC);

		assertThat(plan.keep()).extracting(RetentionPlan.Kept::name)
			.containsExactly(archive("2026-11-03T02:00:00Z"), archive("2026-11-02T02:00:00Z"));
		assertThat(plan.keep().get(0).reasons()).containsExactly("last 1");
		assertThat(plan.delete()).containsExactly(archive("2026-11-01T02:00:00Z"), checksum("2026-11-01T02:00:00Z"));
	}

	@Test
	void keepDailyKeepsTheNewestOfEachDay() {
		List<String> files = new ArrayList<>();
		for (int day = 1; day <= 10; day++) {
			for (int hour : new int[] { 1, 9, 17 }) {
				files.add(archive(String.format("2026-11-%02dT%02d:00:00Z", day, hour)));
			}
		}

		RetentionPlan plan = plan(new RetentionPolicy(0, 0, 7, 0, 0, 0), files, ZoneOffset.UTC);

		assertThat(plan.keep()).extracting(RetentionPlan.Kept::name)
			.containsExactly(archive("2026-11-10T17:00:00Z"), archive("2026-11-09T17:00:00Z"),
					archive("2026-11-08T17:00:00Z"), archive("2026-11-07T17:00:00Z"), archive("2026-11-06T17:00:00Z"),
					archive("2026-11-05T17:00:00Z"), archive("2026-11-04T17:00:00Z"));
		assertThat(plan.keep().get(0).reasons()).containsExactly("daily 2026-11-10");
		assertThat(plan.delete()).hasSize(30 - 7);
	}

	@Test
	void weeksAreIsoWeeksAcrossTheTurnOfTheYear() {
		// Thursday 2026-12-31 and Friday 2027-01-01 are both in ISO week 2026-W53.
		List<String> files = List.of(archive("2026-12-24T12:00:00Z"), archive("2026-12-31T12:00:00Z"),
				archive("2027-01-01T12:00:00Z"), archive("2027-01-04T12:00:00Z"));

		RetentionPlan plan = plan(new RetentionPolicy(0, 0, 0, 3, 0, 0), files, ZoneOffset.UTC);

		assertThat(plan.keep()).extracting(RetentionPlan.Kept::name)
			.containsExactly(archive("2027-01-04T12:00:00Z"), archive("2027-01-01T12:00:00Z"),
					archive("2026-12-24T12:00:00Z"));
		assertThat(plan.keep().get(1).reasons()).containsExactly("weekly 2026-W53");
		assertThat(plan.delete()).containsExactly(archive("2026-12-31T12:00:00Z"));
	}

	@Test
	void rulesAddUpAndSayWhyEachArchiveStays() {
		List<String> files = List.of(archive("2026-09-15T02:00:00Z"), archive("2026-10-30T02:00:00Z"),
				archive("2026-11-20T02:00:00Z"), archive("2026-11-21T02:00:00Z"), archive("2026-11-22T02:00:00Z"));

		RetentionPlan plan = plan(new RetentionPolicy(1, 0, 2, 0, 3, 1), files, ZoneOffset.UTC);

		assertThat(plan.keep()).extracting(RetentionPlan.Kept::name)
			.containsExactly(archive("2026-11-22T02:00:00Z"), archive("2026-11-21T02:00:00Z"),
					archive("2026-10-30T02:00:00Z"), archive("2026-09-15T02:00:00Z"));
		assertThat(plan.keep().get(0).reasons()).containsExactly("last 1", "daily 2026-11-22", "monthly 2026-11",
				"yearly 2026");
		assertThat(plan.keep().get(3).reasons()).containsExactly("monthly 2026-09");
		assertThat(plan.delete()).containsExactly(archive("2026-11-20T02:00:00Z"));
	}

	@Test
	void countsDaysInTheGivenZone() {
		// 23:30 UTC on the 21st is already the 22nd in Berlin: one day there, two in UTC.
		List<String> files = List.of(archive("2026-11-21T23:30:00Z"), archive("2026-11-22T08:00:00Z"));

		assertThat(plan(new RetentionPolicy(0, 0, 2, 0, 0, 0), files, ZoneOffset.UTC).keep()).hasSize(2);
		RetentionPlan berlin = plan(new RetentionPolicy(0, 0, 2, 0, 0, 0), files, ZoneId.of("Europe/Berlin"));
		assertThat(berlin.keep()).extracting(RetentionPlan.Kept::name).containsExactly(archive("2026-11-22T08:00:00Z"));
		assertThat(berlin.delete()).containsExactly(archive("2026-11-21T23:30:00Z"));
	}

	@Test
	void leavesEveryOtherFileAloneAndCleansUpAfterItsOwn() {
		List<String> files = List.of(archive("2026-11-22T02:00:00Z"), "notes.txt", "db-nightly-20200101-000000.tar.gz",
				"other-20200101-000000.tar.gz", "db-20200101-000000.tar.gz.bak",
				"." + archive("2026-11-21T02:00:00Z") + ".part", checksum("2026-11-01T02:00:00Z"));

		RetentionPlan plan = plan(new RetentionPolicy(1, 0, 0, 0, 0, 0), files, ZoneOffset.UTC);

		assertThat(plan.keep()).extracting(RetentionPlan.Kept::name).containsExactly(archive("2026-11-22T02:00:00Z"));
		assertThat(plan.delete()).containsExactly(checksum("2026-11-01T02:00:00Z"),
				"." + archive("2026-11-21T02:00:00Z") + ".part");
		assertThat(plan.ignored()).containsExactlyInAnyOrder("notes.txt", "db-nightly-20200101-000000.tar.gz",
				"other-20200101-000000.tar.gz", "db-20200101-000000.tar.gz.bak");
	}

	@Test
	void keepHourlyKeepsTheNewestOfEachHour() {
		List<String> files = List.of(archive("2026-11-22T10:05:00Z"), archive("2026-11-22T10:45:00Z"),
				archive("2026-11-22T11:15:00Z"), archive("2026-11-22T12:30:00Z"));

		RetentionPlan plan = plan(new RetentionPolicy(0, 2, 0, 0, 0, 0), files, ZoneOffset.UTC);

		assertThat(plan.keep()).extracting(RetentionPlan.Kept::name)
			.containsExactly(archive("2026-11-22T12:30:00Z"), archive("2026-11-22T11:15:00Z"));
		assertThat(plan.keep().get(1).reasons()).containsExactly("hourly 2026-11-22T11");
		assertThat(plan.delete()).containsExactly(archive("2026-11-22T10:45:00Z"), archive("2026-11-22T10:05:00Z"));
	}

	@Test
	void rulesCountOnTheirOwnSoTheNewestFillsBothLastAndItsDay() {
		// restic's counting: the archive keepLast keeps also uses up the first daily
		// bucket
		List<String> files = List.of(archive("2026-11-20T02:00:00Z"), archive("2026-11-21T02:00:00Z"),
				archive("2026-11-22T02:00:00Z"), archive("2026-11-22T14:00:00Z"));

		RetentionPlan plan = plan(new RetentionPolicy(1, 0, 2, 0, 0, 0), files, ZoneOffset.UTC);

		assertThat(plan.keep()).extracting(RetentionPlan.Kept::name)
			.containsExactly(archive("2026-11-22T14:00:00Z"), archive("2026-11-21T02:00:00Z"));
		assertThat(plan.keep().get(0).reasons()).containsExactly("last 1", "daily 2026-11-22");
		assertThat(plan.delete()).containsExactly(archive("2026-11-22T02:00:00Z"), archive("2026-11-20T02:00:00Z"));
	}

	@Test
	void leftoverChecksumUploadsAreDeletedToo() {
		List<String> files = List.of(archive("2026-11-22T02:00:00Z"), "." + checksum("2026-11-21T02:00:00Z") + ".part");

		RetentionPlan plan = plan(new RetentionPolicy(1, 0, 0, 0, 0, 0), files, ZoneOffset.UTC);

		assertThat(plan.delete()).containsExactly("." + checksum("2026-11-21T02:00:00Z") + ".part");
		assertThat(plan.ignored()).isEmpty();
	}

	@Test
	void withoutRetentionEverythingIsKeptAndNothingDeleted() {
		List<String> files = List.of(archive("2026-11-21T02:00:00Z"), archive("2026-11-22T02:00:00Z"),
				"." + archive("2026-11-20T02:00:00Z") + ".part", checksum("2026-11-01T02:00:00Z"));

		RetentionPlan plan = plan(RetentionPolicy.NONE, files, ZoneOffset.UTC);

		assertThat(plan.keep()).hasSize(2);
		assertThat(plan.delete()).isEmpty();
	}

	@Test
	void anEmptyDirectoryHasNothingToDo() {
		RetentionPlan plan = plan(new RetentionPolicy(3, 0, 0, 0, 0, 0), List.of(), ZoneOffset.UTC);

		assertThat(plan.keep()).isEmpty();
		assertThat(plan.delete()).isEmpty();
		assertThat(plan.ignored()).isEmpty();
	}

	@Test
	void refusesNegativeCounts() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RetentionPolicy(-1, 0, 0, 0, 0, 0));
		assertThat(RetentionPolicy.NONE.isNone()).isTrue();
		assertThat(new RetentionPolicy(0, 0, 0, 0, 0, 1).isNone()).isFalse();
	}

	private static RetentionPlan plan(RetentionPolicy policy, List<String> files, ZoneId zone) {
		return RetentionPlanner.plan(policy, NAMES, files, zone);
	}

	private static String archive(String time) {
		return NAMES.archiveName(Instant.parse(time), 7, 0);
	}

	private static String checksum(String time) {
		return NAMES.checksumName(archive(time));
	}

}
