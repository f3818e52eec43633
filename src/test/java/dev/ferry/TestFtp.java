package dev.ferry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.ferry.demo.EmbeddedFtpServer;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;

/**
 * One real in-process FTP server (Apache FtpServer on a free port of 127.0.0.1) shared by
 * the integration tests, and an independent FTP client to fetch what Ferry uploaded.
 */
public final class TestFtp {

	public static final String USER = "backup";

	/** Deliberately distinctive, so that tests can search responses and logs for it. */
	public static final String PASSWORD = "pw-Zq8!never-shown";

	private static final Path ROOT;

	private static final EmbeddedFtpServer SERVER;

	static {
		try {
			ROOT = Files.createTempDirectory("ferry-ftp-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		SERVER = EmbeddedFtpServer.builder().rootDirectory(ROOT).user(USER, PASSWORD).build();
		SERVER.start();
		Runtime.getRuntime().addShutdownHook(new Thread(SERVER::close));
	}

	private TestFtp() {
	}

	public static int port() {
		return SERVER.port();
	}

	/** The server's root directory on disk. */
	public static Path root() {
		return ROOT;
	}

	/** Downloads a file over FTP, in binary passive mode, as a restore would. */
	public static byte[] download(String remotePath) {
		FTPClient client = new FTPClient();
		try {
			client.setConnectTimeout(5000);
			client.connect(EmbeddedFtpServer.HOST, port());
			if (!client.login(USER, PASSWORD)) {
				throw new IllegalStateException("login failed: " + client.getReplyString());
			}
			client.enterLocalPassiveMode();
			client.setFileType(FTP.BINARY_FILE_TYPE);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			if (!client.retrieveFile(remotePath, bytes)) {
				throw new IllegalStateException("RETR " + remotePath + " failed: " + client.getReplyString());
			}
			client.logout();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				client.disconnect();
			}
			catch (IOException ex) {
				// nothing left to do
			}
		}
	}

}
