package dev.ferry.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the run package: liveness across instances (heartbeats, the cancel flag,
 * stale runs) is one component, and its classes stay small enough to read.
 */
class RunLayoutTests {

	private static final JavaClasses RUN = new ClassFileImporter()
		.withImportOption(new ImportOption.DoNotIncludeTests())
		.importPackages("dev.ferry.run");

	private static final int MAX_LINES = 250;

	@Test
	void onlyLivenessRecordsWritesHeartbeatsAndCancelRequestsAndFindsStaleRuns() {
		noClasses().that()
			.doNotHaveSimpleName("LivenessRecords")
			.should()
			.callMethodWhere(target(declaredIn(RunRepository.class)
				.and(nameMatching("heartbeat|heartbeatQueued|requestCancel|cancelRequested|findStale"))))
			.because("liveness across instances is one component (Liveness, with LivenessRecords)")
			.check(RUN);
	}

	@Test
	void onlyLivenessStopsARunUnderWay() {
		noClasses().that()
			.doNotHaveSimpleName("Liveness")
			.should()
			.callMethod(RunControl.class, "cancel")
			.because("the cancel flag is Liveness's: set here or on another instance, acted on by the owner")
			.check(RUN);
	}

	@Test
	void noClassOfTheRunPackageIsLongerThan250Lines() throws IOException {
		Map<String, Long> tooLong;
		try (Stream<Path> sources = Files.list(Path.of("src/main/java/dev/ferry/run"))) {
			tooLong = sources
				.collect(Collectors.toMap((source) -> source.getFileName().toString(), RunLayoutTests::lines))
				.entrySet()
				.stream()
				.filter((file) -> file.getValue() > MAX_LINES)
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		}
		assertThat(tooLong).isEmpty();
	}

	private static long lines(Path source) {
		try (Stream<String> lines = Files.lines(source)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
