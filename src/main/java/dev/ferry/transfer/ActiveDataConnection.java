package dev.ferry.transfer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.apache.commons.net.ftp.FTPReply;

import dev.ferry.transfer.DataConnectionFailure.Kind;
import dev.ferry.transfer.TransferProperties.EffectiveTimeouts;

/**
 * Opens an active-mode data connection: listens on the control connection's local address
 * (within the port range), announces the external address if one is set with {@code PORT}
 * or {@code EPRT}, and waits for the server to connect.
 */
class ActiveDataConnection {

	/** How often the control connection is checked while waiting for the server. */
	private static final int ACCEPT_SLICE_MILLIS = 100;

	private final FerryFtpClient client;

	private final DataOptions options;

	private final EffectiveTimeouts timeouts;

	private final Transcript transcript;

	private final int controlPort;

	/**
	 * @param controlPort the control port for data sockets that must report it (TLS), or
	 * {@code -1}
	 */
	ActiveDataConnection(FerryFtpClient client, DataOptions options, EffectiveTimeouts timeouts, Transcript transcript,
			int controlPort) {
		this.client = client;
		this.options = options;
		this.timeouts = timeouts;
		this.transcript = transcript;
		this.controlPort = controlPort;
	}

	/**
	 * Opens the connection and sends the transfer command.
	 * @return the accepted socket, or {@code null} if the server refused the transfer
	 * command for another reason than the data connection
	 * @throws DataConnectionFailure if the data connection could not be opened
	 */
	Socket open(DataCommand data, String command, String arg) throws IOException {
		InetAddress local = this.client.getLocalAddress();
		InetAddress announced = announcedAddress(data, local);
		try (ServerSocket server = new ActivePortBinder(this.options.activePortRange(), this.controlPort).bind(local,
				data)) {
			int port = server.getLocalPort();
			String where = Hosts.format(announced, port);
			this.transcript.status("Listening on " + Hosts.format(local, port) + " for the server (" + data
					+ ((announced.equals(local)) ? "" : ", announced as " + where) + ")");
			String argument = (data == DataCommand.PORT) ? ActiveArguments.port(announced, port)
					: ActiveArguments.eprt(announced, port);
			if (!FTPReply.isPositiveCompletion(this.client.sendCommand(data.name(), argument))) {
				throw new DataConnectionFailure(Kind.COMMAND_REFUSED, data, where, FtpCalls.reply(this.client), null,
						null);
			}
			if (!FTPReply.isPositivePreliminary(this.client.sendCommand(command, arg))) {
				return DataConnectionOpener.refusedTransfer(this.client, Kind.SERVER_COULD_NOT_CONNECT, data, where);
			}
			Socket socket = accept(server, data, where);
			socket.setSoTimeout(FtpConnector.millis(this.timeouts.data()));
			return socket;
		}
	}

	/**
	 * Waits for the server's connection, refusing connections from other hosts. Servers
	 * that answer {@code 150} before they connect (Apache FtpServer) send {@code 425}
	 * when connecting fails: the control connection is watched meanwhile, so that such a
	 * failure ends the wait at once.
	 */
	private Socket accept(ServerSocket server, DataCommand data, String where) throws IOException {
		long deadline = System.nanoTime() + this.timeouts.data().toNanos();
		server.setSoTimeout(ACCEPT_SLICE_MILLIS);
		while (true) {
			try {
				Socket socket = server.accept();
				if (socket.getInetAddress().equals(this.client.getRemoteAddress())) {
					return socket;
				}
				// Like Commons Net's remote verification: only the server may deliver
				// data.
				this.transcript.status("Refused a data connection from " + socket.getInetAddress().getHostAddress()
						+ ", which is not the server");
				socket.close();
			}
			catch (SocketTimeoutException ex) {
				if (this.client.replyWaiting()) {
					this.client.getReply();
					throw new DataConnectionFailure(Kind.SERVER_COULD_NOT_CONNECT, data, where,
							FtpCalls.reply(this.client), null, ex);
				}
				if (System.nanoTime() - deadline > 0) {
					throw new DataConnectionFailure(Kind.ACCEPT_TIMEOUT, data, where, FtpCalls.reply(this.client),
							this.timeouts.data(), ex);
				}
			}
		}
	}

	private InetAddress announcedAddress(DataCommand data, InetAddress local) throws DataConnectionFailure {
		String external = this.options.activeExternalAddress();
		InetAddress announced = local;
		if (external != null && !external.isBlank()) {
			try {
				announced = InetAddress.getByName(external.strip());
			}
			catch (UnknownHostException ex) {
				throw new DataConnectionFailure(Kind.NOT_APPLICABLE, data, external,
						"activeExternalAddress " + external + " cannot be resolved", null, ex);
			}
		}
		if (data == DataCommand.PORT && announced.getAddress().length != 4) {
			throw new DataConnectionFailure(Kind.NOT_APPLICABLE, data, announced.getHostAddress(),
					"PORT can only announce IPv4 addresses; use EPRT or ACTIVE", null, null);
		}
		return announced;
	}

}
