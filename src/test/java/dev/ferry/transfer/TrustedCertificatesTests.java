package dev.ferry.transfer;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedCertificatesTests {

	@Test
	void acceptsOneOrMorePemCertificates(@TempDir Path dir) throws Exception {
		TestCertificate one = TestCertificate.create(dir, "one", "dns:one.example");
		TestCertificate two = TestCertificate.create(dir, "two", "dns:two.example");

		assertThat(TrustedCertificates.problem(one.pem())).isEmpty();
		assertThat(TrustedCertificates.problem("\n" + one.pem() + two.pem())).isEmpty();
		assertThat(TrustedCertificates.parse(one.pem() + two.pem())).hasSize(2);
	}

	@Test
	void explainsWhatIsNotACertificate() {
		assertThat(TrustedCertificates.problem("")).hasValue("is not a PEM certificate: it is empty");
		assertThat(TrustedCertificates.problem(null)).hasValue("is not a PEM certificate: it is empty");
		assertThat(TrustedCertificates.problem("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"))
			.hasValueSatisfying((problem) -> assertThat(problem).startsWith("is not a PEM certificate: expected"));
		assertThat(
				TrustedCertificates.problem("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----"))
			.hasValueSatisfying((problem) -> assertThat(problem).startsWith("is not a readable PEM certificate")
				.doesNotContain("Exception"));
	}

}
