package dev.ferry.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.net.ProtocolCommandEvent;
import org.apache.commons.net.ProtocolCommandListener;
import org.apache.commons.net.ftp.FTPClient;

/**
 * Listens to one client's control connection: keeps a timestamped transcript (passwords
 * masked) and remembers which data-connection command was sent and with which argument.
 * <p>
 * One recorder belongs to one client and is used by the thread that drives that client.
 */
class ControlChannelRecorder implements ProtocolCommandListener {

	static final String MASK = "****";

	/** Commands that set up a data connection. */
	static final Set<String> DATA_COMMANDS = Set.of("PASV", "EPSV", "PORT", "EPRT");

	/** Commands whose argument is a secret. */
	private static final Set<String> SECRET_COMMANDS = Set.of("PASS", "ACCT");

	/**
	 * Bounds the transcript of a long session; the newest lines are dropped beyond it.
	 */
	private static final int MAX_LINES = 1000;

	private final Clock clock;

	private final List<Line> lines = new ArrayList<>();

	private String lastCommand;

	private String dataCommand;

	private String dataArgument;

	ControlChannelRecorder() {
		this(Clock.systemUTC());
	}

	ControlChannelRecorder(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void protocolCommandSent(ProtocolCommandEvent event) {
		String verb = event.getCommand().toUpperCase(Locale.ROOT);
		String argument = argumentOf(event.getMessage());
		record(Direction.SENT, SECRET_COMMANDS.contains(verb) ? verb + " " + MASK : event.getMessage().strip());
		this.lastCommand = verb;
		if (DATA_COMMANDS.contains(verb)) {
			this.dataCommand = verb;
			this.dataArgument = argument;
		}
	}

	@Override
	public void protocolReplyReceived(ProtocolCommandEvent event) {
		record(Direction.RECEIVED, event.getMessage().strip());
	}

	private void record(Direction direction, String text) {
		if (this.lines.size() < MAX_LINES) {
			this.lines.add(new Line(this.clock.instant(), direction, text));
		}
	}

	/**
	 * The transcript so far.
	 * @return a copy of the recorded lines, oldest first
	 */
	List<Line> lines() {
		return List.copyOf(this.lines);
	}

	/**
	 * The verb of the last command sent.
	 * @return e.g. {@code STOR}, or {@code null} before the first command
	 */
	String lastCommand() {
		return this.lastCommand;
	}

	/**
	 * The last data-connection command sent.
	 * @return {@code PASV}, {@code EPSV}, {@code PORT}, {@code EPRT} or {@code null}
	 */
	String dataCommand() {
		return this.dataCommand;
	}

	/**
	 * The address this client announced with its last {@code PORT} or {@code EPRT}.
	 * @return {@code host:port}, or {@code null} if none was announced or it is
	 * unreadable
	 */
	String announcedActiveAddress() {
		if ("PORT".equals(this.dataCommand)) {
			return fromPortArgument(this.dataArgument);
		}
		if ("EPRT".equals(this.dataCommand)) {
			return fromEprtArgument(this.dataArgument);
		}
		return null;
	}

	/**
	 * Describes the last data-connection attempt for an error message: the command and
	 * the address tried where known. For passive mode that is the address Commons Net
	 * connected to, which since 3.9 is the control connection's host, not the one in the
	 * reply.
	 * @param client the client this recorder listens to
	 * @return e.g. {@code PASV, connecting to 127.0.0.1:40001}
	 */
	String describeDataAttempt(FTPClient client) {
		if (this.dataCommand == null) {
			return "no data-connection command was sent";
		}
		if ("PASV".equals(this.dataCommand) || "EPSV".equals(this.dataCommand)) {
			String host = client.getPassiveHost();
			return this.dataCommand + ((host != null) ? ", connecting to " + host + ":" + client.getPassivePort() : "");
		}
		String announced = announcedActiveAddress();
		return this.dataCommand + ((announced != null) ? ", waiting for the server at " + announced : "");
	}

	private static String argumentOf(String message) {
		String line = message.strip();
		int space = line.indexOf(' ');
		return (space < 0) ? "" : line.substring(space + 1).strip();
	}

	/** {@code h1,h2,h3,h4,p1,p2} (RFC 959) to {@code h1.h2.h3.h4:port}. */
	static String fromPortArgument(String argument) {
		String[] parts = (argument != null) ? argument.split(",") : new String[0];
		if (parts.length != 6) {
			return null;
		}
		try {
			int port = Integer.parseInt(parts[4].strip()) * 256 + Integer.parseInt(parts[5].strip());
			return String.join(".", parts[0].strip(), parts[1].strip(), parts[2].strip(), parts[3].strip()) + ":"
					+ port;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * {@code |proto|address|port|} (RFC 2428) to {@code address:port}, IPv6 in brackets.
	 */
	static String fromEprtArgument(String argument) {
		if (argument == null || argument.length() < 4) {
			return null;
		}
		String delimiter = argument.substring(0, 1);
		String[] parts = argument.split(Pattern.quote(delimiter));
		if (parts.length < 4) {
			return null;
		}
		String address = parts[2];
		return (address.contains(":") ? "[" + address + "]" : address) + ":" + parts[3];
	}

	/** Whether a line was sent by the client or received from the server. */
	enum Direction {

		SENT, RECEIVED

	}

	/**
	 * One line of the control-connection transcript.
	 *
	 * @param at when it was sent or received
	 * @param direction who sent it
	 * @param text the line, secrets masked, without the line end
	 */
	record Line(Instant at, Direction direction, String text) {

	}

}
