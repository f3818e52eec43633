package dev.ferry.dashboard;

import java.time.Duration;

import dev.ferry.run.RunPhase;
import dev.ferry.run.RunStatus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RunRowTests {

	@ParameterizedTest
	@CsvSource({ "74, 74 ms", "1250, 1.2 s", "59999, 59.9 s", "61000, 1 min 1 s", "7322000, 122 min 2 s" })
	void showsDurationsReadably(long millis, String shown) {
		assertThat(RunRow.duration(Duration.ofMillis(millis))).isEqualTo(shown);
	}

	@ParameterizedTest
	@CsvSource({ "0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "1572864, 1.5 MiB", "5368709120, 5.0 GiB" })
	void showsSizesReadably(long bytes, String shown) {
		assertThat(RunRow.bytes(bytes)).isEqualTo(shown);
	}

	@ParameterizedTest
	@CsvSource({ "SUCCEEDED, 0, , SUCCEEDED", "SUCCEEDED, 1, , SUCCEEDED with 1 warning",
			"SUCCEEDED, 3, , SUCCEEDED with 3 warnings", "FAILED, 2, VERIFYING, FAILED",
			"RUNNING, 0, UPLOADING, RUNNING (UPLOADING)" })
	void saysWhenASuccessHasWarningsAndWhatARunIsDoing(RunStatus status, int warnings, RunPhase phase, String shown) {
		assertThat(RunRow.statusText(status, warnings, phase)).isEqualTo(shown);
	}

}
