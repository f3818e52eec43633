package dev.ferry.transfer;

import java.io.IOException;
import java.time.Duration;

import org.apache.commons.net.ftp.FTPReply;

/**
 * Opens ready-to-use sessions: connects with finite timeouts, checks the greeting, logs
 * in, and applies the target's type and transfer mode.
 */
class FtpConnector {

	private final TransferProperties properties;

	FtpConnector(TransferProperties properties) {
		this.properties = properties;
	}

	/**
	 * Opens a logged-in session on the target.
	 * @param target where to connect
	 * @return a session the caller must close
	 * @throws FtpConnectException if the server cannot be reached or does not greet with
	 * 2xx
	 * @throws FtpLoginException if the server refuses the credentials
	 * @throws FtpTransferException if the server refuses the representation type
	 */
	FtpSession open(FtpTarget target) {
		ControlChannelRecorder recorder = new ControlChannelRecorder();
		AbortableFtpClient client = new AbortableFtpClient();
		client.addProtocolCommandListener(recorder);
		client.setConnectTimeout(millis(this.properties.connectTimeout()));
		client.setDefaultTimeout(millis(this.properties.controlTimeout()));
		client.setDataTimeout(this.properties.dataTimeout());
		FtpSession session = new FtpSession(client, recorder, target);
		try {
			connect(client, target);
			login(client, target);
			configure(client, target);
			return session;
		}
		catch (RuntimeException ex) {
			session.close();
			throw ex;
		}
	}

	private void connect(AbortableFtpClient client, FtpTarget target) {
		try {
			client.connect(target.host(), target.port());
		}
		catch (IOException ex) {
			throw new FtpConnectException("Connecting to " + target.endpoint() + " failed: " + FtpCalls.describe(ex),
					ex);
		}
		if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
			throw new FtpConnectException("Connecting to " + target.endpoint() + " failed: " + FtpCalls.reply(client));
		}
	}

	private void login(AbortableFtpClient client, FtpTarget target) {
		String who = target.username() + "@" + target.endpoint();
		boolean loggedIn;
		try {
			loggedIn = client.login(target.username(), target.password());
		}
		catch (IOException ex) {
			throw new FtpLoginException("Logging in as " + who + " failed: " + FtpCalls.describe(ex), ex);
		}
		if (!loggedIn) {
			throw new FtpLoginException("Logging in as " + who + " failed: " + FtpCalls.reply(client));
		}
	}

	private void configure(AbortableFtpClient client, FtpTarget target) {
		FileType type = target.fileType();
		boolean typeSet;
		try {
			typeSet = client.setFileType(type.commonsNetType());
		}
		catch (IOException ex) {
			throw new FtpTransferException("Setting type " + type + " (" + type.command() + ") on " + target.endpoint()
					+ " failed: " + FtpCalls.describe(ex), ex);
		}
		if (!typeSet) {
			throw new FtpTransferException("Setting type " + type + " (" + type.command() + ") on " + target.endpoint()
					+ " failed: " + FtpCalls.reply(client));
		}
		target.transferMode().applyTo(client);
	}

	/** Commons Net takes int milliseconds, where 0 means infinite: clamp, never 0. */
	static int millis(Duration duration) {
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
	}

}
