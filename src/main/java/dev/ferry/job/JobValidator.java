package dev.ferry.job;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ferry.archive.ExcludePatterns;
import dev.ferry.system.FieldProblem;
import dev.ferry.system.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Checks a job request completely — annotations first, then what needs the file system,
 * the scheduler or several fields at once — and reports every bad field in one go.
 */
@Component
class JobValidator {

	private final Validator validator;

	private final JobScheduler scheduler;

	private final TargetValidator targets;

	JobValidator(Validator validator, JobScheduler scheduler, TargetValidator targets) {
		this.validator = validator;
		this.scheduler = scheduler;
		this.targets = targets;
	}

	void validate(JobRequest request) {
		validate(request, null);
	}

	/**
	 * @param current the target the job has now, when the request changes a job; its
	 * password stays only while the request keeps it going to the same server
	 */
	void validate(JobRequest request, JobTarget current) {
		List<FieldProblem> problems = new ArrayList<>();
		for (ConstraintViolation<JobRequest> violation : this.validator.validate(request)) {
			problems.add(new FieldProblem(path(violation), violation.getMessage()));
		}
		if (request.sources() != null) {
			checkSources(request.sources(), problems);
		}
		if (request.excludes() != null) {
			for (int i = 0; i < request.excludes().size(); i++) {
				String pattern = request.excludes().get(i);
				if (pattern != null && !pattern.isBlank()) {
					String field = "excludes[" + i + "]";
					ExcludePatterns.problem(pattern).ifPresent((p) -> problems.add(new FieldProblem(field, p)));
				}
			}
		}
		if (request.target() != null) {
			this.targets.addProblems(request.target(), "target.", problems);
			this.targets.checkPasswordFollows(request.target(), current, "target.", problems);
		}
		if (request.schedule() != null) {
			checkSchedule(request.schedule(), problems);
		}
		if (request.retention() != null && request.retention().keepsNothing()) {
			problems.add(new FieldProblem("retention",
					"keeps nothing: set at least one of keepLast, keepHourly, keepDaily, keepWeekly, keepMonthly, "
							+ "keepYearly to 1 or more, or omit retention to keep every archive"));
		}
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparing(FieldProblem::field));
			throw new InvalidRequestException(problems);
		}
	}

	private void checkSources(List<String> sources, List<FieldProblem> problems) {
		Map<String, Integer> byName = new HashMap<>();
		for (int i = 0; i < sources.size(); i++) {
			String source = sources.get(i);
			String field = "sources[" + i + "]";
			if (source == null || source.isBlank()) {
				continue;
			}
			String problem = sourceProblem(source);
			if (problem != null) {
				problems.add(new FieldProblem(field, problem));
				continue;
			}
			String name = Path.of(source).getFileName().toString();
			Integer first = byName.putIfAbsent(name, i);
			if (first != null) {
				problems.add(new FieldProblem(field, "has the same directory name '" + name + "' as sources[" + first
						+ "]; their archive entries would collide"));
			}
		}
	}

	private static String sourceProblem(String source) {
		if (hasControlCharacter(source)) {
			return "must not contain control characters";
		}
		Path path;
		try {
			path = Path.of(source);
		}
		catch (InvalidPathException ex) {
			return "is not a valid path: " + ex.getReason();
		}
		if (!path.isAbsolute()) {
			return "must be an absolute path, got '" + source + "'";
		}
		if (!path.normalize().equals(path)) {
			return "must not contain '.' or '..' segments";
		}
		if (path.getFileName() == null) {
			return "the root directory cannot be a source; list the directories below it instead";
		}
		if (!Files.exists(path)) {
			return "does not exist: " + source;
		}
		if (!Files.isDirectory(path)) {
			return "is not a directory: " + source;
		}
		return null;
	}

	private void checkSchedule(JobRequest.ScheduleRequest schedule, List<FieldProblem> problems) {
		// an unknown zone is reported on its own; the schedule is still checked, in UTC
		ZoneId zone = ZoneId.of("UTC");
		try {
			zone = ZoneId.of(schedule.timezoneOrDefault());
		}
		catch (DateTimeException ex) {
			problems.add(new FieldProblem("schedule.timezone",
					"is not a known time zone (use a region such as Europe/Berlin, or UTC)"));
		}
		if (schedule.cron() != null && !schedule.cron().isBlank()) {
			// whether a schedule with a year still fires depends on the zone it is read
			// in
			this.scheduler.cronProblem(schedule.cron().trim(), zone)
				.ifPresent((p) -> problems.add(new FieldProblem("schedule.cron", p)));
		}
	}

	static boolean hasControlCharacter(String value) {
		return value != null && value.chars().anyMatch(Character::isISOControl);
	}

	static String path(ConstraintViolation<?> violation) {
		StringBuilder path = new StringBuilder();
		for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
			if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
				if (node.getIndex() != null) {
					path.append('[').append(node.getIndex()).append(']');
				}
				continue;
			}
			if (node.isInIterable() && node.getIndex() != null) {
				path.append('[').append(node.getIndex()).append(']');
			}
			if (node.getName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(node.getName());
			}
		}
		return path.toString();
	}

}
