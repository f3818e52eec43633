package dev.ferry.transfer;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Explains why a data connection could not be opened: the mode and command, the address
 * tried, what the server said, the likely cause and what to change.
 */
final class DataFailureText {

	private static final String PASSIVE_FIX = "Use ACTIVE or AUTO, or open the passive port range on the server.";

	private static final String ACTIVE_FIX = "Use PASSIVE, or set activeExternalAddress and expose activePortRange.";

	private static final String NO_INBOUND = "this host does not accept inbound connections (firewall/NAT/pod). ";

	private DataFailureText() {
	}

	/**
	 * The message for a transfer whose every attempt failed.
	 * @param operation e.g. {@code Storing /in/.f.part on ftp.example.org:21}
	 * @param mode the configured mode
	 * @param failures the attempts, in order
	 */
	static String explain(String operation, TransferMode mode, List<DataConnectionFailure> failures) {
		if (failures.size() == 1) {
			return operation + " failed: " + explain(mode, failures.get(0));
		}
		return operation + " failed in " + mode + " mode, every data connection failed: "
				+ failures.stream().map((failure) -> explain(mode, failure)).collect(Collectors.joining(" Then: "));
	}

	/** One attempt, e.g. {@code PASSIVE (PASV): connecting to ... was refused — ...}. */
	static String explain(TransferMode mode, DataConnectionFailure failure) {
		DataCommand command = failure.command();
		String label = mode.isPinned() ? command.name() : mode + " (" + command + ")";
		String from = " (from `" + failure.reply() + "`)";
		String note = (failure.note() != null) ? failure.note() + ". " : null;
		return label + ": " + switch (failure.kind()) {
			case CONNECT_REFUSED -> "connecting to " + failure.address() + from + " was refused — "
					+ ((note != null) ? note : "the server's firewall probably allows only ports 21/20. ")
					+ PASSIVE_FIX;
			case CONNECT_TIMEOUT -> "connecting to " + failure.address() + from + " timed out after "
					+ FtpConnector.seconds(failure.timeout()) + " — "
					+ ((note != null) ? note : "a firewall probably drops packets to the server's passive ports. ")
					+ PASSIVE_FIX;
			case CONNECT_FAILED -> "connecting to " + failure.address() + from + " failed: "
					+ describe(failure.getCause()) + " — " + ((note != null) ? note : "") + PASSIVE_FIX;
			case SERVER_REFUSED_DATA -> "connected to " + failure.address() + ", but the server refused the data "
					+ "connection (`" + failure.reply() + "`). " + PASSIVE_FIX;
			case SERVER_COULD_NOT_CONNECT -> "the server could not connect back to " + failure.address() + " (`"
					+ failure.reply() + "`) — " + NO_INBOUND + ACTIVE_FIX;
			case ACCEPT_TIMEOUT -> "the server did not connect back to " + failure.address() + " within "
					+ FtpConnector.seconds(failure.timeout()) + " (`" + failure.reply() + "`) — " + NO_INBOUND
					+ ACTIVE_FIX;
			case NO_FREE_PORT -> "no free local port in activePortRange (" + failure.address()
					+ "): every port is taken — widen activePortRange or free some of its ports.";
			case COMMAND_REFUSED ->
				"the server refused " + command + " (`" + failure.reply() + "`) — " + (command.isPassive()
						? "use another mode, e.g. ACTIVE or AUTO." : "use another mode, e.g. PASSIVE or AUTO.");
			case NOT_APPLICABLE -> failure.reply() + ".";
			case TLS_FAILED -> "the TLS handshake on the data connection with " + failure.address() + " failed: "
					+ failure.reply() + ".";
		};
	}

	private static String describe(Throwable cause) {
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

}
