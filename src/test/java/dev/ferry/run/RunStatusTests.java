package dev.ferry.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RunStatusTests {

	@ParameterizedTest
	@EnumSource(value = RunStatus.class, names = "RUNNING", mode = EnumSource.Mode.EXCLUDE)
	void aRunningRunMayEndInAnyTerminalState(RunStatus end) {
		assertThat(end.isTerminal()).isTrue();
		assertThat(RunStatus.RUNNING.moveTo(end)).isEqualTo(end);
	}

	@Test
	void aRunningRunCannotStartAgain() {
		assertThatIllegalStateException().isThrownBy(() -> RunStatus.RUNNING.moveTo(RunStatus.RUNNING));
	}

	@ParameterizedTest
	@EnumSource(value = RunStatus.class, names = "RUNNING", mode = EnumSource.Mode.EXCLUDE)
	void anEndedRunNeverChanges(RunStatus ended) {
		for (RunStatus next : RunStatus.values()) {
			assertThat(ended.canBecome(next)).isFalse();
			assertThatIllegalStateException().isThrownBy(() -> ended.moveTo(next))
				.withMessageContaining(ended + " to " + next);
		}
	}

}
