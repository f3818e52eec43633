package dev.ferry.transfer;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;

import org.apache.commons.net.ftp.FTPClient;

/**
 * An {@link FTPClient} that keeps hold of the data socket it opened, so that a failed
 * upload can be aborted with a TCP reset. A plain close would end the stream normally and
 * the server would take the partial file for a complete one.
 */
class AbortableFtpClient extends FTPClient {

	/** Written by the uploading thread, reset by the stall watchdog. */
	private volatile Socket dataSocket;

	@Override
	protected Socket _openDataConnection_(String command, String arg) throws IOException {
		Socket socket = super._openDataConnection_(command, arg);
		this.dataSocket = socket;
		return socket;
	}

	/**
	 * Resets the data connection opened last, if any. Never throws.
	 */
	void abortDataConnection() {
		Socket socket = this.dataSocket;
		this.dataSocket = null;
		if (socket == null) {
			return;
		}
		try {
			// Linger 0 makes close() send RST instead of FIN: the server sees an error.
			socket.setSoLinger(true, 0);
		}
		catch (SocketException ex) {
			// Already closed: nothing left to abort.
		}
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closing is all that is left to do.
		}
	}

}
