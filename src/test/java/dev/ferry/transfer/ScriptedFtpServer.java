package dev.ferry.transfer;

import java.io.BufferedReader;
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
 * A scripted FTP control connection for failures no real server produces on demand: it
 * logs anyone in and answers the commands of a script, e.g. {@code PASV} with an address
 * where packets are dropped. Unscripted commands get {@code 200}. One client at a time.
 */
final class ScriptedFtpServer implements AutoCloseable {

	private final ServerSocket control;

	private final Map<String, String> script;

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
		while ((line = in.readLine()) != null) {
			String command = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
			String scripted = this.script.get(command);
			reply(out, (scripted != null) ? scripted : switch (command) {
				case "USER" -> "331 password please";
				case "PASS" -> "230 logged in";
				case "FEAT" -> "211 no features";
				case "QUIT" -> "221 bye";
				default -> "200 ok";
			});
			if ("QUIT".equals(command)) {
				return;
			}
		}
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
