package dev.ferry.transfer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Reads the PEM certificates a user pastes as {@code tlsTrustedCertificate}: one or more
 * {@code -----BEGIN CERTIFICATE-----} blocks, typically a self-signed server's own
 * certificate.
 */
public final class TrustedCertificates {

	private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

	private TrustedCertificates() {
	}

	/**
	 * Checks a pasted certificate, for request validation.
	 * @param pem the text
	 * @return empty if it is one or more readable X.509 PEM certificates, else what is
	 * wrong with it, fit to show the user
	 */
	public static Optional<String> problem(String pem) {
		try {
			parse(pem);
			return Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.of(ex.getMessage());
		}
	}

	/**
	 * Reads the certificates.
	 * @param pem one or more PEM certificates
	 * @return them, in order
	 * @throws IllegalArgumentException with a message fit for the user
	 */
	static List<X509Certificate> parse(String pem) {
		if (pem == null || pem.isBlank()) {
			throw new IllegalArgumentException("is not a PEM certificate: it is empty");
		}
		if (!pem.contains(BEGIN)) {
			throw new IllegalArgumentException("is not a PEM certificate: expected text starting with " + BEGIN
					+ ", as the server's .crt or " + ".pem file has it (a private key or a keystore will not do)");
		}
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			List<X509Certificate> certificates = factory
				.generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))
				.stream()
				.map(X509Certificate.class::cast)
				.toList();
			if (certificates.isEmpty()) {
				throw new IllegalArgumentException("is not a PEM certificate: no certificate found");
			}
			return certificates;
		}
		catch (CertificateException | RuntimeException ex) {
			if (ex instanceof IllegalArgumentException illegal && illegal.getMessage().startsWith("is not")) {
				throw illegal;
			}
			// The JDK's reasons ("Invalid lenByte") mean nothing to a user; say what to
			// check.
			throw new IllegalArgumentException("is not a readable PEM certificate: the text between the BEGIN and END "
					+ "lines is damaged or incomplete; copy the whole .crt or .pem file again", ex);
		}
	}

}
