package dev.ferry.retention;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Decides which of a job's archives to keep, with the rules of restic's
 * {@code forget --keep-*} (as of restic 0.16; each rule counts on its own, so an archive
 * kept by {@code keepLast} also fills a daily bucket):
 * <ul>
 * <li>archives are ordered newest first by the time in their name;</li>
 * <li>{@code keepLast n} keeps the {@code n} newest;</li>
 * <li>each calendar rule ({@code keepHourly}, {@code keepDaily}, {@code keepWeekly} by
 * ISO week, {@code keepMonthly}, {@code keepYearly}) walks newest to oldest and keeps the
 * newest archive of each period it has not seen yet, until it has kept {@code n}; periods
 * are counted in the given zone;</li>
 * <li>an archive is kept if any rule keeps it.</li>
 * </ul>
 * Unlike restic since 0.17 and borg since 1.2, a rule that finds fewer periods than it
 * may keep does not also keep the oldest archive: what a rule keeps depends only on the
 * newest archives, so a preview stays easy to read and a policy never keeps more than its
 * counts say. Checksum files follow their archive; partial uploads of the job are always
 * deleted; any name that is not the job's is never touched. No retention
 * ({@link RetentionPolicy#isNone()}) keeps every archive and deletes nothing.
 */
public final class RetentionPlanner {

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH", Locale.ROOT);

	private RetentionPlanner() {
	}

	public static RetentionPlan plan(RetentionPolicy policy, BackupFileNames names, Collection<String> fileNames,
			ZoneId zone) {
		List<Archive> archives = new ArrayList<>();
		Set<String> present = new TreeSet<>(fileNames);
		List<String> checksums = new ArrayList<>();
		List<String> leftovers = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		for (String name : present) {
			if (names.archiveTime(name).isPresent()) {
				archives.add(new Archive(name, names.archiveTime(name).get()));
			}
			else if (names.archiveOfChecksum(name).isPresent()) {
				checksums.add(name);
			}
			else if (names.isLeftover(name)) {
				leftovers.add(name);
			}
			else {
				ignored.add(name);
			}
		}
		// newest first; in one second, the later run first
		archives.sort(Comparator.comparing(Archive::time)
			.thenComparingLong((Archive archive) -> names.sequence(archive.name()))
			.reversed());
		Map<Archive, List<String>> reasons = reasons(policy, archives, zone);

		List<RetentionPlan.Kept> keep = new ArrayList<>();
		List<String> delete = new ArrayList<>();
		Set<String> kept = new TreeSet<>();
		for (Archive archive : archives) {
			List<String> why = reasons.get(archive);
			if (policy.isNone() || why != null) {
				keep.add(new RetentionPlan.Kept(archive.name(), archive.time(), (why != null) ? why : List.of()));
				kept.add(archive.name());
			}
			else {
				delete.add(archive.name());
				if (present.contains(names.checksumName(archive.name()))) {
					delete.add(names.checksumName(archive.name()));
				}
			}
		}
		if (!policy.isNone()) {
			// a checksum whose archive is gone describes nothing
			checksums.stream()
				.filter((name) -> !present.contains(names.archiveOfChecksum(name).orElseThrow()))
				.sorted(Comparator.reverseOrder())
				.forEach(delete::add);
			leftovers.stream().sorted(Comparator.reverseOrder()).forEach(delete::add);
		}
		return new RetentionPlan(keep, delete, ignored);
	}

	private static Map<Archive, List<String>> reasons(RetentionPolicy policy, List<Archive> archives, ZoneId zone) {
		Map<Archive, List<String>> reasons = new LinkedHashMap<>();
		for (int i = 0; i < Math.min(policy.keepLast(), archives.size()); i++) {
			reasons.computeIfAbsent(archives.get(i), (a) -> new ArrayList<>()).add("last " + (i + 1));
		}
		keepPerPeriod(policy.keepHourly(), "hourly", HOUR::format, archives, zone, reasons);
		keepPerPeriod(policy.keepDaily(), "daily", (t) -> t.toLocalDate().toString(), archives, zone, reasons);
		keepPerPeriod(
				policy.keepWeekly(), "weekly", (t) -> String.format(Locale.ROOT, "%d-W%02d",
						t.get(IsoFields.WEEK_BASED_YEAR), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
				archives, zone, reasons);
		keepPerPeriod(policy.keepMonthly(), "monthly",
				(t) -> String.format(Locale.ROOT, "%d-%02d", t.getYear(), t.getMonthValue()), archives, zone, reasons);
		keepPerPeriod(policy.keepYearly(), "yearly", (t) -> String.valueOf(t.getYear()), archives, zone, reasons);
		return reasons;
	}

	/** Keeps the newest archive of each of the {@code count} newest periods. */
	private static void keepPerPeriod(int count, String rule, Function<ZonedDateTime, String> period,
			List<Archive> newestFirst, ZoneId zone, Map<Archive, List<String>> reasons) {
		String last = null;
		int left = count;
		for (Archive archive : newestFirst) {
			if (left == 0) {
				return;
			}
			String key = period.apply(archive.time().atZone(zone));
			if (!key.equals(last)) {
				reasons.computeIfAbsent(archive, (a) -> new ArrayList<>()).add(rule + " " + key);
				last = key;
				left--;
			}
		}
	}

	private record Archive(String name, Instant time) {
	}

}
