package dev.ferry.transfer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FtpTargetTests {

	@Test
	void toStringMasksThePassword() {
		FtpTarget target = new FtpTarget("ftp.example.org", 21, "backup", "Top-Secret-42", "/backups",
				TransferMode.ACTIVE, FileType.BINARY);

		assertThat(target.toString()).doesNotContain("Top-Secret-42")
			.contains("password=****", "host=ftp.example.org", "port=21", "username=backup", "remoteDir=/backups",
					"ACTIVE", "BINARY");
	}

	@Test
	void appliesDefaultsForMissingOptionalParts() {
		FtpTarget target = new FtpTarget("h", 21, "u", null, null, null, null);

		assertThat(target.password()).isEmpty();
		assertThat(target.remoteDir()).isEmpty();
		assertThat(target.transferMode()).isEqualTo(TransferMode.PASSIVE);
		assertThat(target.fileType()).isEqualTo(FileType.BINARY);
		assertThat(target.endpoint()).isEqualTo("h:21");
	}

	@Test
	void rejectsMissingHostBadPortAndMissingUser() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FtpTarget(" ", 21, "u", "p", "", null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new FtpTarget("h", 0, "u", "p", "", null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new FtpTarget("h", 65536, "u", "p", "", null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new FtpTarget("h", 21, "", "p", "", null, null));
	}

}
