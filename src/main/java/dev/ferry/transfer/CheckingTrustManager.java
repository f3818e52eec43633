package dev.ferry.transfer;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks the server's certificate against the JVM's trust store plus the certificates the
 * user pasted, and its host name (through the socket's endpoint identification), and
 * remembers what it saw and why it refused, so that the failure can be explained. With
 * {@code insecure} it accepts anything.
 */
final class CheckingTrustManager extends X509ExtendedTrustManager {

	private final X509ExtendedTrustManager delegate;

	private volatile X509Certificate[] chain;

	private volatile Problem problem;

	private CheckingTrustManager(X509ExtendedTrustManager delegate) {
		this.delegate = delegate;
	}

	/**
	 * A trust manager for the target's TLS options.
	 * @param options the options; {@code insecure} makes it accept anything
	 * @return the trust manager
	 */
	static CheckingTrustManager forOptions(TlsOptions options) {
		if (options.insecure()) {
			return new CheckingTrustManager(null);
		}
		try {
			return new CheckingTrustManager(delegateFor(options.trustedCertificate()));
		}
		catch (GeneralSecurityException | java.io.IOException ex) {
			throw new IllegalStateException("Cannot set up the trust store", ex);
		}
	}

	private static X509ExtendedTrustManager delegateFor(String pem)
			throws GeneralSecurityException, java.io.IOException {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		if (pem == null || pem.isBlank()) {
			factory.init((KeyStore) null);
			return extended(factory.getTrustManagers());
		}
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		List<X509Certificate> anchors = new ArrayList<>(JvmAnchors.CERTIFICATES);
		anchors.addAll(TrustedCertificates.parse(pem));
		for (int i = 0; i < anchors.size(); i++) {
			store.setCertificateEntry("anchor-" + i, anchors.get(i));
		}
		factory.init(store);
		return extended(factory.getTrustManagers());
	}

	private static X509ExtendedTrustManager extended(TrustManager[] managers) {
		return Arrays.stream(managers)
			.filter(X509ExtendedTrustManager.class::isInstance)
			.map(X509ExtendedTrustManager.class::cast)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No X509ExtendedTrustManager available"));
	}

	/** The certificate chain the server presented, or {@code null} before any. */
	X509Certificate[] chain() {
		return this.chain;
	}

	/** Why the chain was refused, or {@code null} if it was not. */
	Problem problem() {
		return this.problem;
	}

	boolean isInsecure() {
		return this.delegate == null;
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		this.chain = chain;
		if (this.delegate != null) {
			try {
				this.delegate.checkServerTrusted(chain, authType, socket);
			}
			catch (CertificateException ex) {
				this.problem = classify(chain, authType);
				throw ex;
			}
			try {
				// PKIX does not check the dates of a trust anchor, which a pasted
				// self-signed certificate is.
				chain[0].checkValidity();
			}
			catch (CertificateException ex) {
				this.problem = Problem.EXPIRED;
				throw ex;
			}
		}
	}

	/** Tells a host-name mismatch (the path alone is trusted) from an untrusted path. */
	private Problem classify(X509Certificate[] chain, String authType) {
		try {
			this.delegate.checkServerTrusted(chain, authType);
			return Problem.HOST_NAME_MISMATCH;
		}
		catch (CertificateException ex) {
			for (X509Certificate certificate : chain) {
				try {
					certificate.checkValidity();
				}
				catch (CertificateException invalid) {
					return Problem.EXPIRED;
				}
			}
			return Problem.UNTRUSTED;
		}
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		throw new CertificateException("SSLEngine is not used");
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		// Without a socket there is no host to check: refuse rather than skip that check.
		checkServerTrusted(chain, authType, (Socket) null);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		throw new CertificateException("Ferry does not accept TLS clients");
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		throw new CertificateException("Ferry does not accept TLS clients");
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		throw new CertificateException("Ferry does not accept TLS clients");
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return (this.delegate != null) ? this.delegate.getAcceptedIssuers() : new X509Certificate[0];
	}

	/** Why a certificate was refused. */
	enum Problem {

		/** No path to a trusted certificate. */
		UNTRUSTED,
		/** A certificate of the chain is expired or not yet valid. */
		EXPIRED,
		/** Trusted, but issued for other names than the target's host. */
		HOST_NAME_MISMATCH

	}

	/** The JVM's default trust anchors, read once. */
	private static final class JvmAnchors {

		static final List<X509Certificate> CERTIFICATES = load();

		private static List<X509Certificate> load() {
			try {
				TrustManagerFactory factory = TrustManagerFactory
					.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				factory.init((KeyStore) null);
				return List.of(extended(factory.getTrustManagers()).getAcceptedIssuers());
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Cannot read the JVM's trust store", ex);
			}
		}

	}

}
