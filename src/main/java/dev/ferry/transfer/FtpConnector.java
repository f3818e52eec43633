package dev.ferry.transfer;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.apache.commons.net.ftp.FTPReply;

import dev.ferry.transfer.TransferProperties.EffectiveTimeouts;

/**
 * Opens ready-to-use sessions: connects with finite timeouts and checks the greeting,
 * negotiates TLS (implicit or {@code AUTH TLS}) and checks the certificate, logs in,
 * reads {@code FEAT}, protects the data channel ({@code PBSZ 0}, {@code PROT P}) and sets
 * the representation type. Each step can be reported to a {@link ConnectStep.Listener}.
 */
class FtpConnector {

	private final TransferProperties properties;

	FtpConnector(TransferProperties properties) {
		this.properties = properties;
	}

	/** Opens a session with the target's effective timeouts. */
	FtpSession open(FtpTarget target, Transcript transcript) {
		return open(target, this.properties.forTarget(target), transcript, ConnectStep.Listener.NONE);
	}

	/**
	 * Opens a logged-in session on the target.
	 * @return a session the caller must close
	 * @throws FtpConnectException if the server cannot be reached or does not greet with
	 * 2xx
	 * @throws FtpTlsException if TLS fails or is refused
	 * @throws FtpLoginException if the server refuses the credentials
	 * @throws FtpTransferException if the server refuses the representation type
	 */
	FtpSession open(FtpTarget target, EffectiveTimeouts timeouts, Transcript transcript, ConnectStep.Listener steps) {
		return open(target, timeouts, transcript, steps, (client) -> {
		});
	}

	/**
	 * Opens a logged-in session on the target, handing each client it creates to
	 * {@code created} before connecting, so that another thread can cancel the connect.
	 */
	FtpSession open(FtpTarget target, EffectiveTimeouts timeouts, Transcript transcript, ConnectStep.Listener steps,
			Consumer<FerryFtpClient> created) {
		if (!target.tls().security().isTls()) {
			return open(target, timeouts, transcript, steps, null, created);
		}
		// The steps of a first attempt that the server ends for want of TLS 1.3 are not
		// reported: only those of the attempt that counts.
		List<Runnable> firstSteps = new ArrayList<>();
		FtpSession session;
		try {
			session = open(target, timeouts, transcript,
					(name, ok, millis, detail) -> firstSteps.add(() -> steps.step(name, ok, millis, detail)),
					TlsLayer.PREFERRED_PROTOCOLS, created);
		}
		catch (FtpTlsException ex) {
			if (!TlsLayer.isProtocolVersionRefusal(ex)) {
				firstSteps.forEach(Runnable::run);
				throw ex;
			}
			transcript.status("The server does not speak TLS 1.2: connecting again with TLS 1.3, under which servers "
					+ "that require TLS session reuse may refuse a login's second data connection");
			return open(target, timeouts, transcript, steps, TlsLayer.FALLBACK_PROTOCOLS, created);
		}
		catch (RuntimeException ex) {
			firstSteps.forEach(Runnable::run);
			throw ex;
		}
		firstSteps.forEach(Runnable::run);
		return session;
	}

	private FtpSession open(FtpTarget target, EffectiveTimeouts timeouts, Transcript transcript,
			ConnectStep.Listener steps, String[] protocols, Consumer<FerryFtpClient> created) {
		FerryFtpClient client = new FerryFtpClient();
		// Names, users and passwords are not ASCII: speak UTF-8 from the first command,
		// as RFC 2640 says (Commons Net would use ISO-8859-1).
		client.setControlEncoding(StandardCharsets.UTF_8.name());
		created.accept(client);
		client.addProtocolCommandListener(new TranscriptListener(transcript));
		TlsLayer tls = (protocols != null) ? new TlsLayer(target.tls(), target.host(), target.port(), protocols) : null;
		try {
			ConnectStep.CONNECT.run(steps, () -> connect(client, target, timeouts, tls, transcript));
			if (tls != null) {
				ConnectStep.TLS.run(steps, () -> FtpsNegotiation.secure(client, target, tls, transcript));
			}
			ConnectStep.LOGIN.run(steps, () -> login(client, target));
			List<String> features = features(client, target);
			useUtf8(client, target, features);
			if (tls != null) {
				FtpsNegotiation.protect(client, target);
			}
			setType(client, target);
			client.useDataConnections(new DataConnectionOpener(client, target.data(), timeouts, tls, transcript));
			return new FtpSession(client, target, transcript, features);
		}
		catch (RuntimeException ex) {
			transcript.error(ex.getMessage());
			FtpSession.disconnect(client, target.endpoint());
			throw ex;
		}
	}

	private String connect(FerryFtpClient client, FtpTarget target, EffectiveTimeouts timeouts, TlsLayer tls,
			Transcript transcript) {
		boolean implicit = target.tls().security() == Security.IMPLICIT_TLS;
		transcript.status("Connecting to " + target.endpoint() + (implicit ? " (implicit TLS)" : ""));
		// Commons Net waits for the greeting with the connect timeout (NET-385); the
		// default timeout bounds the implicit TLS handshake.
		client.setConnectTimeout(millis(timeouts.connect()));
		client.setDefaultTimeout(millis(timeouts.connect()));
		client.setDataTimeout(timeouts.data());
		if (implicit) {
			client.useImplicitTls(tls);
		}
		try {
			client.connect(target.host(), target.port());
			client.setSoTimeout(millis(timeouts.control()));
		}
		catch (SSLException ex) {
			throw tls.explain("TLS handshake with " + target.endpoint(), ex);
		}
		catch (IOException ex) {
			boolean silent = ex.getCause() instanceof SocketTimeoutException;
			throw new FtpConnectException("Connecting to " + target.endpoint() + " failed: " + FtpCalls.describe(ex)
					+ " (within " + seconds(timeouts.connect()) + ")"
					+ ((silent && !implicit) ? " — the server sent no greeting: if this port speaks implicit TLS "
							+ "(usually 990), set security to IMPLICIT_TLS" : ""),
					ex);
		}
		if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
			throw new FtpConnectException("Connecting to " + target.endpoint() + " failed: " + FtpCalls.reply(client));
		}
		String greeting = FtpCalls.reply(client);
		if (implicit) {
			transcript.status("TLS established: " + tls.describe((SSLSocket) client.controlSocket()));
		}
		return greeting;
	}

	private String login(FerryFtpClient client, FtpTarget target) {
		String who = target.username() + "@" + target.endpoint();
		boolean loggedIn = FtpCalls.call(target.endpoint(), "Logging in as " + target.username(),
				() -> client.login(target.username(), target.password()));
		if (!loggedIn) {
			throw new FtpLoginException("Logging in as " + who + " failed: " + FtpCalls.reply(client)
					+ ((client.getReplyCode() == FTPReply.NOT_LOGGED_IN) ? " — check user name and password" : ""),
					client.getReplyCode());
		}
		return FtpCalls.reply(client);
	}

	/** The FEAT lines; none if the server does not know FEAT. */
	private List<String> features(FerryFtpClient client, FtpTarget target) {
		boolean listed = FtpCalls.call(target.endpoint(), "Listing features (FEAT)", client::features);
		if (!listed) {
			return List.of();
		}
		String[] lines = client.getReplyStrings();
		return Arrays.stream(lines, 1, Math.max(1, lines.length - 1)).map(String::strip).toList();
	}

	/**
	 * Asks a server that lists {@code UTF8} in its features to read paths as UTF-8
	 * ({@code OPTS UTF8 ON}, which some servers need before they do). A refusal changes
	 * nothing: Ferry speaks UTF-8 either way.
	 */
	private void useUtf8(FerryFtpClient client, FtpTarget target, List<String> features) {
		if (features.stream().anyMatch((line) -> line.equalsIgnoreCase("UTF8"))) {
			FtpCalls.call(target.endpoint(), "Switching to UTF-8 (OPTS UTF8 ON)",
					() -> client.sendCommand("OPTS", "UTF8 ON"));
		}
	}

	private void setType(FerryFtpClient client, FtpTarget target) {
		FileType type = target.fileType();
		String operation = "Setting type " + type + " (" + type.command() + ")";
		FtpCalls.check(client, target.endpoint(),
				FtpCalls.call(target.endpoint(), operation, () -> client.setFileType(type.commonsNetType())),
				operation);
	}

	/** Commons Net takes int milliseconds, where 0 means infinite: clamp, never 0. */
	static int millis(Duration duration) {
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
	}

	static String seconds(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

}
