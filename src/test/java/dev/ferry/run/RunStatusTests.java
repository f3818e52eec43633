package dev.ferry.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RunStatusTests {

	@ParameterizedTest
	@EnumSource(value = RunStatus.class, names = { "QUEUED", "RUNNING" }, mode = EnumSource.Mode.EXCLUDE)
	void aRunningRunMayEndInAnyTerminalState(RunStatus end) {
		assertThat(end.isTerminal()).isTrue();
		assertThat(end.isActive()).isFalse();
		assertThat(RunStatus.RUNNING.moveTo(end)).isEqualTo(end);
	}

	@Test
	void aRunningRunCannotStartAgainNorGoBackToTheQueue() {
		assertThatIllegalStateException().isThrownBy(() -> RunStatus.RUNNING.moveTo(RunStatus.RUNNING));
		assertThatIllegalStateException().isThrownBy(() -> RunStatus.RUNNING.moveTo(RunStatus.QUEUED))
			.withMessageContaining("RUNNING to QUEUED");
	}

	@ParameterizedTest
	@EnumSource(value = RunStatus.class, names = { "RUNNING", "CANCELLED", "INTERRUPTED" })
	void aQueuedRunStartsOrEndsWithoutEverStarting(RunStatus next) {
		assertThat(RunStatus.QUEUED.isTerminal()).isFalse();
		assertThat(RunStatus.QUEUED.isActive()).isTrue();
		assertThat(RunStatus.QUEUED.moveTo(next)).isEqualTo(next);
	}

	@ParameterizedTest
	@EnumSource(value = RunStatus.class, names = { "QUEUED", "SUCCEEDED", "FAILED" })
	void aQueuedRunCannotSucceedOrFailWithoutStartingNorQueueAgain(RunStatus next) {
		assertThat(RunStatus.QUEUED.canBecome(next)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> RunStatus.QUEUED.moveTo(next))
			.withMessageContaining("QUEUED to " + next);
	}

	@ParameterizedTest
	@EnumSource(value = RunStatus.class, names = { "QUEUED", "RUNNING" }, mode = EnumSource.Mode.EXCLUDE)
	void anEndedRunNeverChanges(RunStatus ended) {
		for (RunStatus next : RunStatus.values()) {
			assertThat(ended.canBecome(next)).isFalse();
			assertThatIllegalStateException().isThrownBy(() -> ended.moveTo(next))
				.withMessageContaining(ended + " to " + next);
		}
	}

}
