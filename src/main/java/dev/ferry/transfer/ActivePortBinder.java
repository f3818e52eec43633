package dev.ferry.transfer;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

import dev.ferry.transfer.DataConnectionFailure.Kind;

/**
 * Binds the listener of an active-mode data connection: to any free port, or within the
 * configured range, starting at a random port and trying the next ones (wrapping around)
 * while they are taken.
 */
class ActivePortBinder {

	private final PortRange range;

	private final int controlPort;

	/**
	 * @param range the ports to use, or {@code null} for any free port
	 * @param controlPort the control port for sockets that must report it (TLS), or
	 * {@code -1}
	 */
	ActivePortBinder(PortRange range, int controlPort) {
		this.range = range;
		this.controlPort = controlPort;
	}

	ServerSocket bind(InetAddress local, DataCommand data) throws IOException {
		if (this.range == null) {
			return bind(local, 0);
		}
		int size = this.range.size();
		int start = ThreadLocalRandom.current().nextInt(size);
		for (int i = 0; i < size; i++) {
			int port = this.range.from() + (start + i) % size;
			try {
				return bind(local, port);
			}
			catch (BindException ex) {
				// taken: try the next one
			}
		}
		throw new DataConnectionFailure(Kind.NO_FREE_PORT, data, local.getHostAddress() + ":" + this.range, null, null,
				null);
	}

	private ServerSocket bind(InetAddress local, int port) throws IOException {
		ServerSocket server = (this.controlPort > 0) ? new ControlPortSocket.Listener(this.controlPort)
				: new ServerSocket();
		try {
			server.bind(new InetSocketAddress(local, port), 1);
			return server;
		}
		catch (IOException ex) {
			server.close();
			throw ex;
		}
	}

}
