package dev.ferry.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Helpers shared by the transfer tests.
 */
final class FtpServers {

	static final String USER = "ferry";

	static final String PASSWORD = "s3cret-Pa55";

	private FtpServers() {
	}

	static UploadContent utf8(String text) {
		return (out) -> out.write(text.getBytes(StandardCharsets.UTF_8));
	}

	static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Binds {@code count} consecutive ports on 127.0.0.1 and returns the sockets; close
	 * some of them to leave those ports free.
	 */
	static List<ServerSocket> consecutivePorts(int count) throws IOException {
		for (int attempt = 0; attempt < 50; attempt++) {
			int base = 42000 + ThreadLocalRandom.current().nextInt(18000);
			List<ServerSocket> sockets = new ArrayList<>();
			try {
				for (int i = 0; i < count; i++) {
					sockets.add(new ServerSocket(base + i, 1, InetAddress.getByName("127.0.0.1")));
				}
				return sockets;
			}
			catch (IOException ex) {
				for (ServerSocket socket : sockets) {
					socket.close();
				}
			}
		}
		throw new IOException("No " + count + " consecutive free ports found");
	}

	/**
	 * Connects to a listener that never accepts until its accept queue is full, so that
	 * further connects time out.
	 * @return the queued connections, to close afterwards
	 */
	static List<Socket> fillAcceptQueue(ServerSocket listener) throws IOException {
		List<Socket> queued = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			Socket socket = new Socket();
			try {
				socket.connect(listener.getLocalSocketAddress(), 300);
				queued.add(socket);
			}
			catch (SocketTimeoutException ex) {
				socket.close();
				return queued;
			}
		}
		throw new IOException("The accept queue of " + listener + " never filled");
	}

	static List<Path> filesUnder(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			return paths.filter(Files::isRegularFile).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
