package dev.ferry.transfer;

/**
 * Whether and how to speak TLS (FTPS). {@link #toString()} abbreviates the certificate.
 *
 * @param security plain FTP, explicit or implicit TLS; {@code null} means
 * {@link Security#NONE}
 * @param trustedCertificate a PEM certificate to trust (typically the server's own,
 * self-signed) in addition to the JVM's trust store; {@code null} for none
 * @param insecure accept any certificate for any host name: encryption without
 * authentication, flagged loudly wherever it is shown
 */
public record TlsOptions(Security security, String trustedCertificate, boolean insecure) {

	public static final TlsOptions NONE = new TlsOptions(Security.NONE, null, false);

	public TlsOptions {
		security = (security != null) ? security : Security.NONE;
	}

	@Override
	public String toString() {
		return "TlsOptions[security=" + this.security + ", trustedCertificate="
				+ ((this.trustedCertificate != null) ? "PEM" : "none") + ", insecure=" + this.insecure + "]";
	}

}
