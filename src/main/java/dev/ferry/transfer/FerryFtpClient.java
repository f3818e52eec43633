package dev.ferry.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.Socket;
import java.net.SocketException;

import javax.net.ssl.SSLSocket;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.io.CRLFLineReader;

/**
 * The one Commons Net client Ferry uses, plain or FTPS. It opens data connections itself
 * through a {@link DataConnectionOpener}, with the {@link DataCommand} chosen for the
 * next transfer; speaks TLS on the control connection itself (implicit: before the
 * greeting; explicit: after {@code AUTH TLS}), so that a plain connection never sends
 * {@code AUTH}; keeps the data socket so that a failed upload can be aborted with a TCP
 * reset; and can send a {@code NOOP} without waiting for its reply, for keep-alives
 * during an upload.
 */
class FerryFtpClient extends FTPClient {

	private final Object controlWrite = new Object();

	private TlsLayer implicitTls;

	private DataConnectionOpener opener;

	private DataCommand dataCommand;

	/** Written by the uploading thread, reset by the stall watchdog. */
	private volatile Socket dataSocket;

	/** Makes the next connect speak TLS from its first byte (implicit FTPS). */
	void useImplicitTls(TlsLayer tls) {
		this.implicitTls = tls;
	}

	@Override
	protected void _connectAction_() throws IOException {
		if (this.implicitTls != null) {
			applySocketAttributes();
			this._socket_ = this.implicitTls.secureControl(this._socket_);
		}
		super._connectAction_();
	}

	/**
	 * Speaks TLS on the connected control connection, after the server agreed to
	 * {@code AUTH TLS}: what follows is read and written through the TLS socket.
	 * @param tls the TLS set-up
	 * @return the secured control socket
	 */
	SSLSocket secureControl(TlsLayer tls) throws IOException {
		SSLSocket socket = tls.secureControl(this._socket_);
		this._socket_ = socket;
		this._input_ = socket.getInputStream();
		this._output_ = socket.getOutputStream();
		this._controlInput_ = new CRLFLineReader(new InputStreamReader(this._input_, getControlEncoding()));
		this._controlOutput_ = new BufferedWriter(new OutputStreamWriter(this._output_, getControlEncoding()));
		return socket;
	}

	/** The control socket, TLS or plain. */
	Socket controlSocket() {
		return this._socket_;
	}

	/** How data connections are opened from now on. */
	void useDataConnections(DataConnectionOpener opener) {
		this.opener = opener;
	}

	/** The command the next transfer opens its data connection with. */
	void nextDataCommand(DataCommand command) {
		this.dataCommand = command;
	}

	@Override
	protected Socket _openDataConnection_(String command, String arg) throws IOException {
		if (this.opener == null || this.dataCommand == null) {
			throw new IllegalStateException("No data-connection command chosen");
		}
		Socket socket = this.opener.open(this.dataCommand, command, arg);
		// The plain socket: resetting it needs no TLS close_notify, which could block.
		this.dataSocket = this.opener.lastPlainSocket();
		return socket;
	}

	/**
	 * Sends {@code NOOP} without reading the reply, which the caller must read later.
	 * Only for keep-alives while the owner writes to the data connection and sends no
	 * command; the lock keeps two keep-alives from interleaving.
	 * @throws IOException if the control connection failed
	 */
	void sendNoopWithoutReply() throws IOException {
		synchronized (this.controlWrite) {
			this._controlOutput_.write("NOOP\r\n");
			this._controlOutput_.flush();
		}
	}

	/**
	 * Whether a reply has arrived on the control connection and can be read without
	 * blocking. Best effort: under TLS, bytes not yet decrypted do not count.
	 */
	boolean replyWaiting() throws IOException {
		return this._controlInput_.ready();
	}

	/**
	 * Closes the control connection, even while it connects or another thread waits for a
	 * reply; for cancelling. Never throws.
	 */
	void closeControl() {
		reset(this._socket_);
	}

	/**
	 * Resets the data connection opened last, if any. Never throws.
	 */
	void abortDataConnection() {
		Socket socket = this.dataSocket;
		this.dataSocket = null;
		reset(socket);
	}

	/** Closes a socket with a TCP reset, so that the peer sees an error. Never throws. */
	private static void reset(Socket socket) {
		if (socket == null) {
			return;
		}
		try {
			// Linger 0 makes close() send RST instead of FIN.
			socket.setSoLinger(true, 0);
		}
		catch (SocketException ex) {
			// Already closed, or not connected yet: closing still stops a connect.
		}
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closing is all that is left to do.
		}
	}

}
