package dev.ferry.transfer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Describes a certificate for error messages: subject, names, issuer, validity and
 * SHA-256 fingerprint, which a user can compare with the server's.
 */
final class CertificateText {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private CertificateText() {
	}

	static String describe(X509Certificate certificate) {
		return "subject " + certificate.getSubjectX500Principal().getName() + names(certificate) + ", issuer "
				+ certificate.getIssuerX500Principal().getName() + ", valid from "
				+ DAY.format(certificate.getNotBefore().toInstant()) + " to "
				+ DAY.format(certificate.getNotAfter().toInstant()) + ", SHA-256 fingerprint "
				+ fingerprint(certificate);
	}

	static String fingerprint(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			return "unavailable";
		}
	}

	private static String names(X509Certificate certificate) {
		try {
			Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
			if (alternatives == null) {
				return "";
			}
			List<String> names = new ArrayList<>();
			for (List<?> entry : alternatives) {
				int type = (Integer) entry.get(0);
				if (type == 2 || type == 7) {
					names.add(((type == 2) ? "DNS:" : "IP:") + entry.get(1));
				}
			}
			return names.isEmpty() ? "" : " (names " + String.join(", ", names) + ")";
		}
		catch (CertificateParsingException ex) {
			return "";
		}
	}

}
