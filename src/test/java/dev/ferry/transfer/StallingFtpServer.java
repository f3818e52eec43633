package dev.ferry.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted FTP peer for the one failure a real server will not produce on demand: it
 * accepts {@code STOR}, opens the passive data connection and then never reads from it,
 * nor answers again, as a hung server or a black-holing firewall would.
 */
final class StallingFtpServer implements AutoCloseable {

	private final ServerSocket control;

	private final ServerSocket data;

	private final List<Socket> held = new ArrayList<>();

	private final Thread thread;

	StallingFtpServer() throws IOException {
		InetAddress loopback = InetAddress.getLoopbackAddress();
		this.control = new ServerSocket(0, 1, loopback);
		this.data = new ServerSocket();
		this.data.setReceiveBufferSize(4096);
		this.data.bind(new java.net.InetSocketAddress(loopback, 0), 1);
		this.thread = new Thread(this::serve, "stalling-ftp-server");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	int port() {
		return this.control.getLocalPort();
	}

	private void serve() {
		try (Socket client = this.control.accept()) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = client.getOutputStream();
			reply(out, "220 stalling server ready");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.split(" ", 2)[0].toUpperCase();
				switch (command) {
					case "USER" -> reply(out, "331 password please");
					case "PASS" -> reply(out, "230 logged in");
					case "TYPE" -> reply(out, "200 type set");
					case "CWD", "MKD" -> reply(out, "250 ok");
					case "PASV" -> {
						int port = this.data.getLocalPort();
						reply(out, "227 Entering Passive Mode (127,0,0,1," + (port >> 8) + "," + (port & 0xff) + ")");
					}
					case "STOR" -> {
						this.held.add(this.data.accept());
						reply(out, "150 go ahead");
						// ... and from now on, silence: nothing is read, nothing is
						// answered.
					}
					default -> reply(out, "200 ok");
				}
			}
		}
		catch (IOException ex) {
			// closed by the test
		}
	}

	private static void reply(OutputStream out, String reply) throws IOException {
		out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() {
		try {
			this.control.close();
			this.data.close();
			for (Socket socket : this.held) {
				socket.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
