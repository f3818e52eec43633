package dev.ferry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;

import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;

/**
 * An Ftplet for Apache FtpServer that answers the {@code RNTO} of chosen names by hanging
 * up without a reply, after carrying out the rename on disk itself (or not): the reply a
 * broken connection loses. {@link #afterRename()} can hold the reply back first.
 */
public class RenameThenHangUp extends DefaultFtplet {

	private final Path dir;

	private final Predicate<String> to;

	private final boolean rename;

	private volatile String from;

	/**
	 * @param dir the server directory the renames happen in, on disk
	 * @param to which new names to answer so
	 * @param rename whether to carry out the rename before hanging up
	 */
	public RenameThenHangUp(Path dir, Predicate<String> to, boolean rename) {
		this.dir = dir;
		this.to = to;
		this.rename = rename;
	}

	@Override
	public FtpletResult beforeCommand(FtpSession session, FtpRequest request) {
		String command = request.getCommand().toUpperCase(Locale.ROOT);
		if ("RNFR".equals(command)) {
			this.from = request.getArgument();
		}
		if (!"RNTO".equals(command) || !this.to.test(request.getArgument())) {
			return FtpletResult.DEFAULT;
		}
		try {
			if (this.rename) {
				Files.move(this.dir.resolve(this.from), this.dir.resolve(request.getArgument()));
			}
			afterRename();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return FtpletResult.DISCONNECT;
	}

	/** Runs after the rename, before hanging up. */
	protected void afterRename() throws InterruptedException {
	}

}
