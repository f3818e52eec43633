package dev.ferry.transfer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.ferry.transfer.TransferProperties.EffectiveTimeouts;

/**
 * Runs transfers with the data-connection commands the target's {@link TransferMode}
 * allows, one after another: the first choice (or the command that worked last on this
 * login); the same direction's other command when the server refuses the first as
 * unknown; for {@link TransferMode#AUTO} the other direction when the data connection
 * cannot be opened. A retry happens in the same session when the control connection is in
 * step, else in a new one. Owns the session.
 */
final class DataAttempts implements AutoCloseable {

	private final FtpConnector connector;

	private final FtpTarget target;

	private final EffectiveTimeouts timeouts;

	private final Transcript transcript;

	private FtpSession session;

	/** The client being connected or in use, for a cancel from another thread. */
	private volatile FerryFtpClient client;

	/** What opened the last data connection that worked on this login. */
	private DataCommand worked;

	/** Whether a missing remote directory is created. */
	private final boolean create;

	DataAttempts(FtpConnector connector, FtpTarget target, EffectiveTimeouts timeouts, Transcript transcript,
			boolean create) {
		this.create = create;
		this.connector = connector;
		this.target = target;
		this.timeouts = timeouts;
		this.transcript = transcript;
	}

	/** The session, opened and in the target's directory. */
	FtpSession session() {
		if (this.session == null) {
			this.session = this.connector.open(this.target, this.timeouts, this.transcript, ConnectStep.Listener.NONE,
					(created) -> this.client = created);
			if (this.create) {
				this.session.enterDirectory(this.target.remoteDir());
			}
			else {
				this.session.enterExistingDirectory(this.target.remoteDir());
			}
		}
		return this.session;
	}

	/** The session if one is open, without opening one. */
	FtpSession openSession() {
		return this.session;
	}

	FtpConnector connector() {
		return this.connector;
	}

	/** The client of the session being opened or in use; {@code null} before. */
	FerryFtpClient client() {
		return this.client;
	}

	EffectiveTimeouts timeouts() {
		return this.timeouts;
	}

	/**
	 * Stores the content, trying commands as the mode allows.
	 * @throws DataConnectionException if no data connection could be opened
	 */
	Stored store(String name, String path, UploadContent content) {
		Done<Long> done = transfer("Storing " + path, name,
				(command) -> new Store(session(), this.timeouts).run(command, name, path, content));
		return new Stored(done.command(), done.fallback(), done.result());
	}

	/**
	 * Runs a transfer with the commands the mode allows.
	 * @param operation what it does, for messages
	 * @param created the file a failed attempt may have left on the server, or
	 * {@code null}
	 * @throws DataConnectionException if no data connection could be opened
	 */
	<T> Done<T> transfer(String operation, String created, Transfer<T> transfer) {
		TransferMode mode = this.target.transferMode();
		TransferMode.ServerTraits traits = session().traits();
		DataCommand first = mode.first(traits, this.target.data().remembered());
		// an earlier transfer on this login may have found the one that works already
		DataCommand command = (this.worked != null) ? this.worked : first;
		Set<DataCommand> tried = EnumSet.noneOf(DataCommand.class);
		List<DataConnectionFailure> failures = new ArrayList<>();
		while (true) {
			tried.add(command);
			try {
				T result = transfer.run(command);
				this.worked = command;
				return new Done<>(command, mode == TransferMode.AUTO && command != first, result);
			}
			catch (DataConnectionFailure failure) {
				failures.add(failure);
				this.transcript.error(DataFailureText.explain(mode, failure));
				DataCommand next = failure.commandRefused() ? mode.substituteFor(command) : null;
				next = (next != null) ? next : mode.fallbackAfter(command, traits);
				if (next == null || tried.contains(next)) {
					if (created != null && failures.stream().anyMatch(DataConnectionFailure::transferCommandSent)) {
						cleanUp(created, failure.controlInSync());
					}
					throw new DataConnectionException(
							DataFailureText.explain(operation + " on " + this.target.endpoint(), mode, failures),
							failure);
				}
				this.transcript.status("Retrying the transfer with " + next + " instead of " + command
						+ (failure.controlInSync() ? "" : ", on a new connection"));
				if (!failure.controlInSync()) {
					close();
				}
				command = next;
			}
		}
	}

	/** Deletes what a failed transfer may have left, on a new session if needed. */
	private void cleanUp(String name, boolean controlInSync) {
		if (!controlInSync) {
			close();
		}
		try {
			session().deleteQuietly(name);
		}
		catch (TransferException ex) {
			this.transcript.status("Could not reconnect to remove " + name + ": " + ex.getMessage());
		}
	}

	@Override
	public void close() {
		if (this.session != null) {
			this.session.close();
			this.session = null;
		}
	}

	/**
	 * A transfer over a data connection opened with a given command.
	 *
	 * @param <T> what it produces
	 */
	@FunctionalInterface
	interface Transfer<T> {

		/**
		 * @throws DataConnectionFailure if the data connection could not be opened
		 */
		T run(DataCommand command) throws DataConnectionFailure;

	}

	/**
	 * A transfer that worked.
	 *
	 * @param command the command whose data connection carried it
	 * @param fallback whether {@link TransferMode#AUTO} had to leave its first choice
	 */
	record Done<T>(DataCommand command, boolean fallback, T result) {
	}

	/**
	 * A stored file.
	 *
	 * @param command the command whose data connection carried it
	 * @param fallback whether {@link TransferMode#AUTO} had to leave its first choice
	 * @param bytes bytes the content wrote
	 */
	record Stored(DataCommand command, boolean fallback, long bytes) {
	}

}
