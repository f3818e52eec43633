package dev.ferry.archive;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * {@link FilePermissionsApply} runs a test where permissions hold and reports its outcome
 * faithfully: as root through a child JVM, as any other user directly.
 */
class FilePermissionsApplyTests {

	@Test
	void permissionsHoldInsideTheTest() {
		TestExecutionSummary summary = run("modeZeroCannotBeRead");

		assertThat(summary.getFailures()).isEmpty();
		assertThat(summary.getTestsSucceededCount()).isOne();
	}

	@Test
	void aFailureInsideFailsTheTestAndShowsWhy() {
		TestExecutionSummary summary = run("failsOnPurpose");

		assertThat(summary.getTestsSucceededCount()).isZero();
		assertThat(summary.getFailures()).singleElement()
			.satisfies((failure) -> assertThat(failure.getException()).hasMessageContaining("failing on purpose"));
	}

	private static TestExecutionSummary run(String method) {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectMethod(Samples.class, method))
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request, listener);
		return listener.getSummary();
	}

	/**
	 * Run only through the launcher above: Surefire leaves nested classes alone.
	 */
	static class Samples {

		@TempDir
		Path temp;

		@Test
		@FilePermissionsApply
		void modeZeroCannotBeRead() throws IOException {
			Path file = Files.writeString(this.temp.resolve("locked.txt"), "locked");
			Files.setPosixFilePermissions(file, Set.of());

			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> Files.readAllBytes(file));
		}

		@Test
		@FilePermissionsApply
		void failsOnPurpose() {
			fail("failing on purpose");
		}

	}

}
