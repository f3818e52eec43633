package dev.ferry.transfer;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * TLS for one FTPS connection: secures the control connection and every data connection,
 * the latter resuming the control connection's TLS session as vsftpd
 * ({@code require_ssl_reuse=YES}, its default) and FileZilla Server demand.
 * <p>
 * The JDK resumes a session only from its client cache, which it looks up by the peer
 * host given here and the <em>underlying socket's</em> port. Data sockets are therefore
 * created as {@link ControlPortSocket}s, which report the control port, and layered with
 * the control connection's host name.
 * <p>
 * TLS 1.2 is offered first: under TLS 1.3 the JDK resumes each session ticket once, so
 * the second data connection of a login fails against servers that require reuse
 * (measured with vsftpd 3.0.3 and JDK 17: 1 of 4 probe transfers per login); under TLS
 * 1.2 without session tickets the session id resumes any number of times (4 of 4). A
 * server that refuses TLS 1.2 gets TLS 1.3 on a second connection ({@link FtpConnector}).
 */
final class TlsLayer {

	static {
		// vsftpd sends session tickets whose lifetime the JDK discards; with the ticket
		// extension on, resuming by ticket then fails, and so does every TLS 1.2 data
		// connection (measured: 0 of 4 resumed). Each SSLContext reads it when it is
		// built, so it must be set before ours are; contexts built later elsewhere in the
		// JVM resume by session id instead of by ticket, which costs them nothing.
		System.setProperty("jdk.tls.client.enableSessionTicketExtension", "false");
	}

	/** What is offered first. */
	static final String[] PREFERRED_PROTOCOLS = { "TLSv1.2" };

	/** What is offered to a server that refused {@link #PREFERRED_PROTOCOLS}. */
	static final String[] FALLBACK_PROTOCOLS = { "TLSv1.3" };

	private final SSLContext context;

	private final CheckingTrustManager trust;

	private final String host;

	private final int port;

	private final String[] protocols;

	private SSLSession controlSession;

	TlsLayer(TlsOptions options, String host, int port, String[] protocols) {
		this.trust = CheckingTrustManager.forOptions(options);
		this.host = host;
		this.port = port;
		this.protocols = protocols.clone();
		try {
			this.context = SSLContext.getInstance("TLS");
			this.context.init(null, new TrustManager[] { this.trust }, null);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot set up TLS", ex);
		}
	}

	/**
	 * Secures the control connection: handshake, certificate and host-name check.
	 * @param plain the connected control socket
	 * @return the TLS socket, handshake done
	 * @throws IOException if the handshake fails; {@link #explain} tells why
	 */
	SSLSocket secureControl(Socket plain) throws IOException {
		SSLSocket socket = layer(plain);
		socket.startHandshake();
		this.controlSession = socket.getSession();
		return socket;
	}

	/**
	 * Secures a data connection, resuming the control connection's session.
	 * @param plain a connected {@link ControlPortSocket}
	 * @return the TLS socket, handshake done
	 */
	SSLSocket secureData(Socket plain) throws IOException {
		SSLSocket socket = layer(plain);
		socket.startHandshake();
		return socket;
	}

	private SSLSocket layer(Socket plain) throws IOException {
		SSLSocket socket = (SSLSocket) this.context.getSocketFactory().createSocket(plain, this.host, this.port, true);
		socket.setUseClientMode(true);
		socket.setEnabledProtocols(this.protocols);
		SSLParameters parameters = socket.getSSLParameters();
		if (!this.trust.isInsecure()) {
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
		}
		if (!Hosts.isIpLiteral(this.host)) {
			parameters.setServerNames(java.util.List.of(new SNIHostName(this.host)));
		}
		socket.setSSLParameters(parameters);
		return socket;
	}

	/**
	 * Describes a data connection's TLS, for the transcript: under TLS 1.2 whether it
	 * resumed the control connection's session (same session id); TLS 1.3 does not show.
	 */
	String describeData(SSLSocket data) {
		SSLSession session = data.getSession();
		if (!"TLSv1.2".equals(session.getProtocol()) || this.controlSession == null) {
			return session.getProtocol();
		}
		boolean resumed = Arrays.equals(this.controlSession.getId(), session.getId());
		return session.getProtocol() + ", " + (resumed ? "control session resumed" : "new session (not resumed)");
	}

	/**
	 * Describes the control connection's TLS, for the transcript.
	 * @return e.g. {@code TLSv1.2, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, certificate
	 * CN=ftp.example.org}
	 */
	String describe(SSLSocket socket) {
		SSLSession session = socket.getSession();
		X509Certificate[] chain = this.trust.chain();
		String subject = (chain != null && chain.length > 0) ? chain[0].getSubjectX500Principal().getName() : "unknown";
		return session.getProtocol() + ", " + session.getCipherSuite() + ", server certificate " + subject
				+ (this.trust.isInsecure()
						? " — NOT VERIFIED: tlsInsecure is on, so any server could be "
								+ "listening here and read the password and the data"
						: " (verified, host name checked)");
	}

	boolean isInsecure() {
		return this.trust.isInsecure();
	}

	/**
	 * Whether a TLS failure is the server's refusal of the offered protocol versions.
	 */
	static boolean isProtocolVersionRefusal(FtpTlsException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			if (message.contains("protocol_version") || message.contains("No appropriate protocol")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Explains a failed handshake in words a user can act on.
	 * @param what e.g. {@code TLS handshake with ftp.example.org:21}
	 * @param ex the failure
	 * @return the exception to throw
	 */
	FtpTlsException explain(String what, IOException ex) {
		CheckingTrustManager.Problem problem = this.trust.problem();
		X509Certificate[] chain = this.trust.chain();
		if (problem == null || chain == null || chain.length == 0) {
			String hint = (ex instanceof SSLException) ? ""
					: " (the server may not speak TLS on this port: check the port and security)";
			return new FtpTlsException(what + " failed: " + FtpCalls.describe(ex) + hint, ex);
		}
		String certificate = CertificateText.describe(chain[0]);
		String message = switch (problem) {
			case UNTRUSTED -> "the server's certificate is not trusted (" + certificate
					+ ") — if this is your server's own certificate, paste the server's certificate into "
					+ "tlsTrustedCertificate (PEM)";
			case EXPIRED ->
				"the server's certificate is expired or not yet valid (" + certificate + ") — renew it on the server";
			case HOST_NAME_MISMATCH -> "the server's certificate is not issued for " + this.host + " (" + certificate
					+ ") — check the host name: use one the certificate names";
		};
		return new FtpTlsException(what + " failed: " + message, ex);
	}

}
