package dev.ferry.transfer;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A scripted FTP server for failures no real server produces on demand: it logs anyone in
 * and answers the commands of a script, e.g. {@code PASV} with an address where packets
 * are dropped. Unscripted commands get {@code 200}, except that {@code PASV} opens a real
 * passive listener and a {@code STOR} after it stores into {@link #received()}, while a
 * {@code STOR} after {@code PORT} is answered {@code 150} and then nothing happens, as
 * when a firewall drops the server's connection back. One client at a time.
 */
final class ScriptedFtpServer implements AutoCloseable {

	private final ServerSocket control;

	private final Map<String, String> script;

	private final ByteArrayOutputStream received = new ByteArrayOutputStream();

	private ServerSocket passive;

	ScriptedFtpServer(Map<String, String> script) throws IOException {
		this.control = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
		this.script = script;
		Thread thread = new Thread(this::serve, "scripted-ftp-server");
		thread.setDaemon(true);
		thread.start();
	}

	int port() {
		return this.control.getLocalPort();
	}

	/** What passive {@code STOR}s received. */
	synchronized byte[] received() {
		return this.received.toByteArray();
	}

	private void serve() {
		while (!this.control.isClosed()) {
			try (Socket client = this.control.accept()) {
				converse(client);
			}
			catch (IOException ex) {
				// client gone or server closed
			}
		}
	}

	private void converse(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(
				new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
		OutputStream out = client.getOutputStream();
		reply(out, "220 scripted server ready");
		String line;
		boolean active = false;
		while ((line = in.readLine()) != null) {
			String command = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
			String scripted = this.script.get(command);
			if (scripted != null) {
				reply(out, scripted);
				continue;
			}
			switch (command) {
				case "USER" -> reply(out, "331 password please");
				case "PASS" -> reply(out, "230 logged in");
				case "FEAT" -> reply(out, "211 no features");
				case "RNFR" -> reply(out, "350 ready for RNTO");
				case "RNTO", "DELE" -> reply(out, "250 done");
				case "PORT", "EPRT" -> {
					active = true;
					reply(out, "200 ok");
				}
				case "PASV" -> {
					active = false;
					this.passive = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
					int port = this.passive.getLocalPort();
					reply(out, "227 Entering Passive Mode (127,0,0,1," + (port >> 8) + "," + (port & 0xff) + ")");
				}
				case "STOR" -> store(out, active);
				case "QUIT" -> {
					reply(out, "221 bye");
					return;
				}
				default -> reply(out, "200 ok");
			}
		}
	}

	private void store(OutputStream out, boolean active) throws IOException {
		reply(out, "150 ok, send it");
		if (active) {
			return;
		}
		try (ServerSocket listener = this.passive; Socket data = listener.accept()) {
			byte[] bytes = data.getInputStream().readAllBytes();
			synchronized (this) {
				this.received.write(bytes);
			}
		}
		reply(out, "226 stored");
	}

	private static void reply(OutputStream out, String reply) throws IOException {
		out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.control.close();
	}

}
