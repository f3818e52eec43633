package dev.ferry.transfer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A data socket that reports the control connection's port as its own. The JDK looks up a
 * TLS session to resume by the layered socket's host and the underlying socket's port:
 * reporting the control port is what makes a data connection resume the control
 * connection's session. Nothing else reads the port of a data socket.
 */
class ControlPortSocket extends Socket {

	private final int controlPort;

	ControlPortSocket(int controlPort) {
		this.controlPort = controlPort;
	}

	@Override
	public int getPort() {
		return isConnected() ? this.controlPort : 0;
	}

	/** The port the data connection really goes to. */
	int dataPort() {
		return super.getPort();
	}

	/** A server socket whose accepted sockets report the control port. */
	static final class Listener extends ServerSocket {

		private final int controlPort;

		Listener(int controlPort) throws IOException {
			this.controlPort = controlPort;
		}

		@Override
		public Socket accept() throws IOException {
			ControlPortSocket socket = new ControlPortSocket(this.controlPort);
			implAccept(socket);
			return socket;
		}

	}

}
