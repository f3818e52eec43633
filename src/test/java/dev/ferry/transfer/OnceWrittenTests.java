package dev.ferry.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OnceWrittenTests {

	@Test
	void mayBeCalledAgainWhileNothingWasWrittenButNeverAfterwards() throws IOException {
		int[] calls = { 0 };
		OnceWritten content = new OnceWritten((out) -> {
			calls[0]++;
			out.write(new byte[] { 1, 2 });
		});
		OnceWritten silent = new OnceWritten((out) -> calls[0]++);

		silent.writeTo(OutputStream.nullOutputStream());
		silent.writeTo(OutputStream.nullOutputStream());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		content.writeTo(out);

		assertThat(out.toByteArray()).containsExactly(1, 2);
		assertThatIllegalStateException().isThrownBy(() -> content.writeTo(OutputStream.nullOutputStream()));
		assertThat(calls[0]).isEqualTo(3);
	}

}
