package dev.ferry.transfer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;

/**
 * A real vsftpd on 127.0.0.1 and a free port, run in the foreground from a generated
 * configuration: anonymous FTPS (explicit TLS, forced for login and data) with
 * {@code require_ssl_reuse=YES}, uploads into the writable {@code upload} directory below
 * a read-only root (vsftpd refuses a writable chroot root). Needs root, as CI runs.
 */
final class VsftpdServer implements AutoCloseable {

	static final Path BINARY = Path.of("/usr/sbin/vsftpd");

	static final String USER = "anonymous";

	private final Process process;

	private final int port;

	private final Path root;

	private final Path log;

	private VsftpdServer(Process process, int port, Path root, Path log) {
		this.process = process;
		this.port = port;
		this.root = root;
		this.log = log;
	}

	static boolean isInstalled() {
		return Files.isExecutable(BINARY);
	}

	static VsftpdServer start(Path dir, TestCertificate certificate) throws IOException, InterruptedException {
		Path root = Files.createDirectories(dir.resolve("root"));
		Path upload = Files.createDirectories(root.resolve("upload"));
		UserPrincipal ftp = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("ftp");
		Files.setOwner(upload, ftp);
		int port = freePort();
		int passive = freePort();
		Path log = dir.resolve("vsftpd.log");
		String config = String.join("\n", "listen=YES", "listen_ipv6=NO", "listen_address=127.0.0.1",
				"listen_port=" + port, "background=NO", "anonymous_enable=YES", "local_enable=NO", "write_enable=YES",
				"anon_upload_enable=YES", "anon_mkdir_write_enable=YES", "anon_other_write_enable=YES",
				"anon_root=" + root, "no_anon_password=YES", "anon_umask=022", "ftp_username=ftp", "pasv_enable=YES",
				"pasv_min_port=" + passive, "pasv_max_port=" + passive, "port_enable=YES", "connect_from_port_20=NO",
				"seccomp_sandbox=NO", "isolate=NO", "isolate_network=NO", "ssl_enable=YES", "allow_anon_ssl=YES",
				"force_anon_logins_ssl=YES", "force_anon_data_ssl=YES", "require_ssl_reuse=YES",
				"rsa_cert_file=" + certificate.certificateFile(),
				"rsa_private_key_file=" + certificate.privateKeyFile(), "xferlog_enable=YES", "xferlog_std_format=NO",
				"log_ftp_protocol=YES", "vsftpd_log_file=" + log,
				// offers UTF8 in FEAT, as most servers today
				"utf8_filesystem=YES", "");
		Path file = Files.writeString(dir.resolve("vsftpd.conf"), config);
		Process process = new ProcessBuilder(BINARY.toString(), file.toString()).redirectErrorStream(true)
			.redirectOutput(dir.resolve("vsftpd.out").toFile())
			.start();
		VsftpdServer server = new VsftpdServer(process, port, root, log);
		server.awaitListening(dir);
		return server;
	}

	int port() {
		return this.port;
	}

	/** The directory anonymous users may write to, {@code /upload} on the server. */
	Path uploadDirectory() {
		return this.root.resolve("upload");
	}

	String log() throws IOException {
		return Files.exists(this.log) ? Files.readString(this.log) : "";
	}

	private void awaitListening(Path dir) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IOException("vsftpd ended: " + Files.readString(dir.resolve("vsftpd.out")));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		close();
		throw new IOException("vsftpd did not listen on " + this.port);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
