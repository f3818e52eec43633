package dev.ferry.run;

import java.io.IOException;
import java.util.EnumSet;

import dev.ferry.transfer.TransferPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each failure type means for the run it ends, and how a failure gets its type.
 */
class FailureTypeTests {

	@ParameterizedTest
	@EnumSource(TransferPhase.class)
	void aTransferFailureIsTypedAfterItsPhaseInTheSameWord(TransferPhase phase) {
		assertThat(FailureType.of(phase)).hasToString(phase.name());
	}

	@ParameterizedTest
	@EnumSource(FailureType.class)
	void onlyACancelAndAnInterruptionEndARunOtherwiseThanFailed(FailureType type) {
		RunStatus expected = switch (type) {
			case CANCELLED -> RunStatus.CANCELLED;
			case INTERRUPTED -> RunStatus.INTERRUPTED;
			default -> RunStatus.FAILED;
		};
		assertThat(type.status()).isEqualTo(expected);
		assertThat(type.status().isTerminal()).isTrue();
	}

	@Test
	void anInterruptionIsAlwaysWorthARetryAndACancelNeverAsksForOne() {
		assertThat(FailureType.INTERRUPTED.isTransient(null)).isTrue();
		assertThat(FailureType.CANCELLED.asksForRetry()).isFalse();
		assertThat(EnumSet.complementOf(EnumSet.of(FailureType.CANCELLED))).allMatch(FailureType::asksForRetry);
	}

	@ParameterizedTest
	@EnumSource(names = { "SOURCE", "SECRET", "CANCELLED", "INTERNAL" })
	void whatARetryWouldOnlyHideIsNeverTransient(FailureType type) {
		assertThat(type.isTransient(new IOException("connection reset"))).isFalse();
	}

	@ParameterizedTest
	@EnumSource(names = { "CONNECT", "LOGIN", "TLS", "DATA_CONNECTION", "TRANSFER", "VERIFY", "PUBLISH" })
	void aServerPhaseIsTransientOnlyAsItsTransferFailureSays(FailureType type) {
		assertThat(type.isTransient(new IOException("not a transfer failure"))).isFalse();
		assertThat(type.isTransient(null)).isFalse();
	}

	@Test
	void anythingUnexpectedIsInternalAndNamesItsClass() {
		RunFailure failure = RunFailure.of(new IllegalStateException("boom"), new RunControl(1), false);

		assertThat(failure.type()).isEqualTo(FailureType.INTERNAL);
		assertThat(failure.message()).isEqualTo("Unexpected IllegalStateException: boom");
		assertThat(failure.transientFailure()).isFalse();
	}

	@Test
	void aCancelledRunSaysSoWhateverItsLastFailureWasAndHowFarItGot() {
		RunControl control = new RunControl(1);
		control.progress().enter(RunPhase.UPLOADING);
		control.progress().bytesUploaded(42);
		control.cancel();

		RunFailure failure = RunFailure.of(new IllegalStateException("stream closed"), control, true);

		assertThat(failure.type()).isEqualTo(FailureType.CANCELLED);
		assertThat(failure.message()).startsWith("Cancelled on request while UPLOADING, after 42 bytes were uploaded.");
		assertThat(failure.transientFailure()).isFalse();
	}

	@Test
	void aRunStoppedWithTheServiceIsInterruptedAndWorthARetry() {
		RunFailure failure = RunFailure.of(new IllegalStateException("interrupted"), new RunControl(1), true);

		assertThat(failure.type()).isEqualTo(FailureType.INTERRUPTED);
		assertThat(failure.transientFailure()).isTrue();
	}

}
