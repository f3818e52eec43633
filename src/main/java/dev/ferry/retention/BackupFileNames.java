package dev.ferry.retention;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a job's files are named in its remote directory: archives
 * {@code {job}-{yyyyMMdd-HHmmss}-r{run}{extension}} (the run's start in UTC, then its id,
 * so that names sort by time and two runs never share one), and when that name is taken
 * on the server {@code {job}-{yyyyMMdd-HHmmss}-r{run}-{n}{extension}} for {@code n} from
 * 2; each with a checksum file {@code {archive}.sha256}, and {@code .{file}.part} while
 * one uploads. Archives named before run ids were added
 * ({@code {job}-{yyyyMMdd-HHmmss}{extension}}) are still the job's. Recognition is exact:
 * for job {@code www}, {@code www-nightly-20261122-023000.tar.gz} is not its file, nor is
 * {@code www-20261122-023000.tar.gz.bak} or {@code WWW-20261122-023000.tar.gz}.
 */
public final class BackupFileNames {

	/** The suffix of checksum files. */
	public static final String CHECKSUM_SUFFIX = ".sha256";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")
		.withResolverStyle(ResolverStyle.STRICT);

	/** How many names a run may try before it gives up. */
	public static final int MAX_ALTERNATIVES = 100;

	private final String jobName;

	private final String extension;

	private final Pattern archive;

	private final Pattern checksum;

	private final Pattern leftover;

	/**
	 * @param jobName the job's name
	 * @param extension the archive format's extension, e.g. {@code .tar.gz}
	 */
	public BackupFileNames(String jobName, String extension) {
		this.jobName = jobName;
		this.extension = extension;
		String stamped = Pattern.quote(jobName + "-") + "(\\d{8}-\\d{6})(?:-r(\\d{1,19})(?:-(\\d{1,4}))?)?"
				+ Pattern.quote(extension);
		this.archive = Pattern.compile(stamped);
		this.checksum = Pattern.compile(stamped + Pattern.quote(CHECKSUM_SUFFIX));
		this.leftover = Pattern.compile("\\." + stamped + "(?:" + Pattern.quote(CHECKSUM_SUFFIX) + ")?\\.part");
	}

	/**
	 * The archive's name for a run.
	 * @param time when the run started
	 * @param runId the run's id
	 * @param alternative 0 for the usual name, 1 and up for the names to use when it is
	 * taken on the server
	 */
	public String archiveName(Instant time, long runId, int alternative) {
		if (alternative < 0 || alternative >= MAX_ALTERNATIVES) {
			throw new IllegalArgumentException("alternative must be 0 to " + (MAX_ALTERNATIVES - 1));
		}
		return this.jobName + "-" + STAMP.format(time.atOffset(ZoneOffset.UTC)) + "-r" + runId
				+ ((alternative > 0) ? "-" + (alternative + 1) : "") + this.extension;
	}

	/**
	 * The run and alternative in the name of one of the job's archives, for ordering
	 * archives of the same second; {@code 0} for names without them.
	 */
	public long sequence(String fileName) {
		Matcher matcher = this.archive.matcher(fileName);
		if (!matcher.matches() || matcher.group(2) == null) {
			return 0;
		}
		long run = Long.parseLong(matcher.group(2));
		int alternative = (matcher.group(3) != null) ? Integer.parseInt(matcher.group(3)) : 0;
		// alternatives are at most 4 digits
		return (run > Long.MAX_VALUE / 10_000) ? Long.MAX_VALUE : run * 10_000 + alternative;
	}

	/** The name of an archive's checksum file. */
	public String checksumName(String archiveName) {
		return archiveName + CHECKSUM_SUFFIX;
	}

	/** The time in the name of one of the job's archives; empty for any other name. */
	public Optional<Instant> archiveTime(String fileName) {
		return stamp(this.archive.matcher(fileName));
	}

	/**
	 * The archive a checksum file of the job belongs to; empty for any other name.
	 */
	public Optional<String> archiveOfChecksum(String fileName) {
		Matcher matcher = this.checksum.matcher(fileName);
		return stamp(matcher).map((time) -> fileName.substring(0, fileName.length() - CHECKSUM_SUFFIX.length()));
	}

	/**
	 * Whether the name is a partial upload of the job's, left by a run that did not end.
	 */
	public boolean isLeftover(String fileName) {
		return stamp(this.leftover.matcher(fileName)).isPresent();
	}

	private static Optional<Instant> stamp(Matcher matcher) {
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDateTime.parse(matcher.group(1), STAMP).toInstant(ZoneOffset.UTC));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
