package dev.ferry.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.ferry.system.FieldProblem;
import dev.ferry.system.InvalidRequestException;
import dev.ferry.transfer.PortRange;
import dev.ferry.transfer.Security;
import dev.ferry.transfer.TrustedCertificates;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Checks an FTP target beyond its annotations: characters that would inject FTP commands,
 * paths, port ranges, certificates, timeouts, and options that contradict each other.
 */
@Component
class TargetValidator {

	private final Validator validator;

	TargetValidator(Validator validator) {
		this.validator = validator;
	}

	/** Checks a target sent on its own, naming fields without prefix. */
	void validate(TargetRequest target) {
		List<FieldProblem> problems = new ArrayList<>();
		this.validator.validate(target)
			.forEach((violation) -> problems
				.add(new FieldProblem(JobValidator.path(violation), violation.getMessage())));
		addProblems(target, "", problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
	}

	/**
	 * Adds what is wrong with the target beyond its annotations, fields named
	 * {@code prefix + name}.
	 */
	void addProblems(TargetRequest target, String prefix, List<FieldProblem> problems) {
		for (String[] field : new String[][] { { "host", target.host() }, { "username", target.username() },
				{ "password", target.password() }, { "remoteDir", target.remoteDir() },
				{ "activeExternalAddress", target.activeExternalAddress() } }) {
			if (JobValidator.hasControlCharacter(field[1])) {
				problems.add(new FieldProblem(prefix + field[0], "must not contain control characters"));
			}
		}
		// as it will be stored: " ../x" is "../x"; and IIS also splits paths at '\'
		if (Arrays.stream(target.remoteDirOrDefault().split("[/\\\\]")).map(String::strip).anyMatch(".."::equals)) {
			problems.add(new FieldProblem(prefix + "remoteDir", "must not contain '..' segments"));
		}
		if (target.activePortRange() != null && !target.activePortRange().isBlank()) {
			try {
				PortRange.parse(target.activePortRange());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem(prefix + "activePortRange", ex.getMessage()));
			}
		}
		checkTls(target, prefix, problems);
		TargetDurations.problem(target.connectTimeout(), Duration.ofSeconds(1), Duration.ofMinutes(5), false)
			.ifPresent((p) -> problems.add(new FieldProblem(prefix + "connectTimeout", p)));
		TargetDurations.problem(target.dataTimeout(), Duration.ofSeconds(1), Duration.ofHours(1), false)
			.ifPresent((p) -> problems.add(new FieldProblem(prefix + "dataTimeout", p)));
		TargetDurations.problem(target.controlKeepAlive(), Duration.ofSeconds(5), Duration.ofHours(1), true)
			.ifPresent((p) -> problems.add(new FieldProblem(prefix + "controlKeepAlive", p)));
	}

	/**
	 * A stored password goes only to the server it was given for: changing where it would
	 * go (host, port, user name, security) needs it again.
	 */
	void checkPasswordFollows(TargetRequest target, JobTarget current, String prefix, List<FieldProblem> problems) {
		if (current == null || target.password() != null || target.host() == null || target.username() == null) {
			return;
		}
		List<String> changed = new ArrayList<>();
		if (!target.host().equalsIgnoreCase(current.getHost())) {
			changed.add("host");
		}
		if (target.portOrDefault() != current.getPort()) {
			changed.add("port");
		}
		if (!target.username().equals(current.getUsername())) {
			changed.add("username");
		}
		if (target.securityOrDefault() != current.getSecurity()) {
			changed.add("security");
		}
		if (!changed.isEmpty()) {
			problems.add(new FieldProblem(prefix + "password", "is required when " + String.join(", ", changed)
					+ " change: the stored password is only ever sent to the server it was given for"));
		}
	}

	private static void checkTls(TargetRequest target, String prefix, List<FieldProblem> problems) {
		boolean tls = target.securityOrDefault() != Security.NONE;
		String certificate = target.tlsTrustedCertificate();
		if (certificate != null && !certificate.isBlank()) {
			if (!tls) {
				problems.add(new FieldProblem(prefix + "tlsTrustedCertificate",
						"applies only with security EXPLICIT_TLS or IMPLICIT_TLS"));
			}
			else {
				TrustedCertificates.problem(certificate)
					.ifPresent((p) -> problems.add(new FieldProblem(prefix + "tlsTrustedCertificate", p)));
			}
		}
		if (target.tlsInsecureOrDefault() && !tls) {
			problems.add(new FieldProblem(prefix + "tlsInsecure",
					"applies only with security EXPLICIT_TLS or IMPLICIT_TLS"));
		}
	}

}
