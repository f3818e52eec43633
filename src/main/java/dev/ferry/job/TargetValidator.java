package dev.ferry.job;

import java.time.Duration;
import java.util.ArrayList;
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
		String remoteDir = target.remoteDir();
		if (remoteDir != null && List.of(remoteDir.split("/")).contains("..")) {
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
