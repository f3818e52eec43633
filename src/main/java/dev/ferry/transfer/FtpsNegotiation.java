package dev.ferry.transfer;

import java.io.IOException;

import javax.net.ssl.SSLSocket;

import org.apache.commons.net.ftp.FTPReply;

/**
 * The FTPS commands of opening a session: {@code AUTH TLS} and the handshake for explicit
 * TLS (implicit TLS shakes hands on connect), then {@code PBSZ 0} and {@code PROT P} so
 * that data connections are encrypted too. Refusals become {@link FtpTlsException}s that
 * say what to use instead.
 */
final class FtpsNegotiation {

	private FtpsNegotiation() {
	}

	/**
	 * Secures the control connection.
	 * @return a description of the TLS in use, for the probe
	 */
	static String secure(FerryFtpClient client, FtpTarget target, TlsLayer tls, Transcript transcript) {
		if (target.tls().security() == Security.IMPLICIT_TLS) {
			return tls.describe((SSLSocket) client.controlSocket());
		}
		int code = FtpCalls.call(target.endpoint(), "Starting TLS (AUTH TLS)", () -> client.sendCommand("AUTH", "TLS"));
		if (code != FTPReply.SECURITY_DATA_EXCHANGE_COMPLETE && code != FTPReply.SECURITY_MECHANISM_IS_OK) {
			throw new FtpTlsException("Starting TLS (AUTH TLS) with " + target.endpoint()
					+ " failed: the server does not offer explicit TLS: " + FtpCalls.reply(client)
					+ " — use IMPLICIT_TLS (port 990) or NONE");
		}
		try {
			String description = tls.describe(client.secureControl(tls));
			transcript.status("TLS established: " + description);
			return description;
		}
		catch (IOException ex) {
			throw tls.explain("TLS handshake with " + target.endpoint(), ex);
		}
	}

	/** Protects the data channel: {@code PBSZ 0}, {@code PROT P}. */
	static void protect(FerryFtpClient client, FtpTarget target) {
		for (String[] command : new String[][] { { "PBSZ", "0" }, { "PROT", "P" } }) {
			String operation = command[0] + " " + command[1];
			int code = FtpCalls.call(target.endpoint(), operation, () -> client.sendCommand(command[0], command[1]));
			if (code != FTPReply.COMMAND_OK) {
				throw new FtpTlsException(operation + " on " + target.endpoint() + " failed: " + FtpCalls.reply(client)
						+ " — the server will not encrypt data connections; use NONE if that is acceptable");
			}
		}
	}

}
