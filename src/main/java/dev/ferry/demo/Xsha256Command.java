package dev.ferry.demo;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.ftpserver.command.AbstractCommand;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * {@code XSHA256 <file>}: answers {@code 250 <sha-256 in hex>} of a stored file, as
 * FileZilla Server, Serv-U and others do, so that Ferry can verify uploads by hash. Reads
 * the file through a fixed buffer.
 */
final class Xsha256Command extends AbstractCommand {

	@Override
	public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
			throws IOException, FtpException {
		session.resetState();
		String argument = request.getArgument();
		FtpFile file = (argument != null && !argument.isBlank()) ? session.getFileSystemView().getFile(argument) : null;
		if (file == null || !file.isFile() || !file.isReadable()) {
			session.write(new DefaultFtpReply(550, "No such file: " + argument));
			return;
		}
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = file.createInputStream(0)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				sha256.update(buffer, 0, read);
			}
		}
		session.write(new DefaultFtpReply(250, HexFormat.of().formatHex(sha256.digest())));
	}

}
