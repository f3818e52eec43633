package dev.ferry.transfer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Optional;

/**
 * Checks certificates that users paste to trust a server (PEM, typically the server's own
 * self-signed one).
 */
public final class TrustedCertificates {

	private TrustedCertificates() {
	}

	/**
	 * @return why the text is not one or more PEM certificates, or empty when it is
	 */
	public static Optional<String> problem(String pem) {
		if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
			return Optional.of("must be a PEM certificate (-----BEGIN CERTIFICATE----- ...)");
		}
		try {
			boolean none = CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))
				.isEmpty();
			return none ? Optional.of("contains no certificate") : Optional.empty();
		}
		catch (CertificateException ex) {
			return Optional.of("is not a valid PEM certificate: " + ex.getMessage());
		}
	}

}
