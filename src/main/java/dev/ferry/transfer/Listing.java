package dev.ferry.transfer;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.net.ftp.FTPReply;

/**
 * Lists the names in the working directory with {@code NLST -a} over a data connection
 * opened with a given {@link DataCommand}: {@code -a}, which Apache FtpServer, vsftpd,
 * ProFTPD and Pure-FTPd understand, includes hidden files such as the {@code .part} files
 * of interrupted uploads. A server that takes {@code -a} for a file name and lists
 * nothing is asked again with a plain {@code NLST}. An empty directory is an empty list,
 * also from servers that answer {@code 450}/{@code 550 No files found}.
 */
final class Listing {

	private final FtpSession session;

	Listing(FtpSession session) {
		this.session = session;
	}

	List<String> run(DataCommand command, String directory) throws DataConnectionFailure {
		List<String> all = names(command, directory, "-a");
		return all.isEmpty() ? names(command, directory, null) : all;
	}

	private List<String> names(DataCommand command, String directory, String option) throws DataConnectionFailure {
		FerryFtpClient client = this.session.client();
		client.nextDataCommand(command);
		String operation = "Listing " + directory + " on " + this.session.endpoint();
		String[] names;
		try {
			names = (option != null) ? client.listNames(option) : client.listNames();
		}
		catch (DataConnectionFailure ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw new FtpTransferException(operation + " failed: " + FtpCalls.describe(ex), ex);
		}
		if (names == null) {
			int code = client.getReplyCode();
			if (code == FTPReply.FILE_ACTION_NOT_TAKEN || code == FTPReply.FILE_UNAVAILABLE) {
				return List.of();
			}
			throw new FtpTransferException(operation + " failed: " + FtpCalls.reply(client), code);
		}
		// Some servers answer with paths: keep the last segment.
		return Arrays.stream(names)
			.map(String::strip)
			.map((name) -> name.substring(name.lastIndexOf('/') + 1))
			.filter((name) -> !name.isEmpty() && !".".equals(name) && !"..".equals(name))
			.toList();
	}

}
