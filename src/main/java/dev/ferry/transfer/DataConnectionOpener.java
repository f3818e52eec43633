package dev.ferry.transfer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

import javax.net.ssl.SSLSocket;

import org.apache.commons.net.ftp.FTPReply;

import dev.ferry.transfer.DataConnectionFailure.Kind;
import dev.ferry.transfer.TransferProperties.EffectiveTimeouts;

/**
 * Opens data connections exactly as asked: the given {@link DataCommand}, passive
 * connections to the control host or the announced address, active listeners bound to the
 * control connection's local address within the port range and announced as the external
 * address, TLS resuming the control session. Failures to open are thrown as
 * {@link DataConnectionFailure}s that say what was tried.
 */
class DataConnectionOpener {

	private final FerryFtpClient client;

	private final DataOptions options;

	private final EffectiveTimeouts timeouts;

	private final TlsLayer tls;

	private final Transcript transcript;

	private Socket lastPlainSocket;

	DataConnectionOpener(FerryFtpClient client, DataOptions options, EffectiveTimeouts timeouts, TlsLayer tls,
			Transcript transcript) {
		this.client = client;
		this.options = options;
		this.timeouts = timeouts;
		this.tls = tls;
		this.transcript = transcript;
	}

	/**
	 * Opens a data connection and sends the transfer command over the control connection.
	 * @param data the data-connection command to use
	 * @param command the transfer command, e.g. {@code STOR}
	 * @param arg its argument
	 * @return the connected (and secured) socket, or {@code null} if the server refused
	 * the transfer command for another reason than the data connection (its reply tells)
	 * @throws DataConnectionFailure if the data connection could not be opened
	 * @throws IOException if the control connection failed
	 */
	Socket open(DataCommand data, String command, String arg) throws IOException {
		Socket socket = data.isPassive() ? openPassive(data, command, arg)
				: new ActiveDataConnection(this.client, this.options, this.timeouts, this.transcript,
						(this.tls != null) ? controlPort() : -1)
					.open(data, command, arg);
		this.lastPlainSocket = socket;
		if (socket == null || this.tls == null) {
			return socket;
		}
		return secure(socket, data);
	}

	/** The plain socket under the data connection opened last, or {@code null}. */
	Socket lastPlainSocket() {
		return this.lastPlainSocket;
	}

	private Socket openPassive(DataCommand data, String command, String arg) throws IOException {
		int code = this.client.sendCommand(data.name());
		String reply = FtpCalls.reply(this.client);
		InetSocketAddress address = (code == FTPReply.ENTERING_EPSV_MODE || code == FTPReply.ENTERING_PASSIVE_MODE)
				? PassiveReplies.address(data, this.client.getReplyStrings(), this.client.getRemoteAddress(),
						this.options.passiveAddress())
				: null;
		if (address == null) {
			throw new DataConnectionFailure(Kind.COMMAND_REFUSED, data, null, reply, null, null);
		}
		String where = Hosts.format(address);
		this.transcript.status("Opening data connection to " + where + " (" + data + ")");
		Socket socket = newSocket();
		try {
			socket.setSoTimeout(FtpConnector.millis(this.timeouts.data()));
			socket.connect(address, FtpConnector.millis(this.timeouts.connect()));
		}
		catch (IOException ex) {
			closeQuietly(socket);
			Kind kind = (ex instanceof ConnectException) ? Kind.CONNECT_REFUSED
					: (ex instanceof SocketTimeoutException) ? Kind.CONNECT_TIMEOUT : Kind.CONNECT_FAILED;
			throw new DataConnectionFailure(kind, data, where, reply, this.timeouts.connect(), ex)
				.withNote(announcedNote(data, address));
		}
		if (!FTPReply.isPositivePreliminary(this.client.sendCommand(command, arg))) {
			closeQuietly(socket);
			return refusedTransfer(this.client, Kind.SERVER_REFUSED_DATA, data, where);
		}
		return socket;
	}

	/** Why an announced passive address may be the culprit, or {@code null}. */
	private String announcedNote(DataCommand data, InetSocketAddress address) {
		InetAddress control = this.client.getRemoteAddress();
		if (data != DataCommand.PASV || this.options.passiveAddress() != PassiveAddress.ANNOUNCED
				|| address.getAddress().equals(control)) {
			return null;
		}
		return "the server announced " + address.getAddress().getHostAddress()
				+ (Hosts.isPrivate(address.getAddress()) ? ", a private address, " : " ")
				+ "instead of the address of the control connection (" + control.getHostAddress()
				+ "), as servers behind NAT do; set passiveAddress to CONTROL_HOST";
	}

	/** 425/426 mean the data connection failed; anything else is the file's business. */
	static Socket refusedTransfer(FerryFtpClient client, Kind kind, DataCommand data, String where)
			throws DataConnectionFailure {
		int code = client.getReplyCode();
		if (code == FTPReply.CANNOT_OPEN_DATA_CONNECTION || code == FTPReply.TRANSFER_ABORTED) {
			throw new DataConnectionFailure(kind, data, where, FtpCalls.reply(client), null, null);
		}
		return null;
	}

	private Socket secure(Socket socket, DataCommand data) throws DataConnectionFailure {
		try {
			SSLSocket secured = this.tls.secureData(socket);
			this.transcript.status("TLS on the data connection: " + this.tls.describeData(secured));
			return secured;
		}
		catch (IOException ex) {
			String where = Hosts.format(socket.getInetAddress(),
					(socket instanceof ControlPortSocket cps) ? cps.dataPort() : socket.getPort());
			closeQuietly(socket);
			throw new DataConnectionFailure(Kind.TLS_FAILED, data, where, FtpCalls.describe(ex) + serverVerdict(), null,
					ex);
		}
	}

	/** The server's reply to a transfer whose data connection failed, if it comes. */
	private String serverVerdict() {
		try {
			this.client.getReply();
			return "; server reply: " + FtpCalls.reply(this.client);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private Socket newSocket() {
		return (this.tls != null) ? new ControlPortSocket(controlPort()) : new Socket();
	}

	private int controlPort() {
		return this.client.getRemotePort();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// nothing left to do
		}
	}

}
