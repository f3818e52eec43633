package dev.ferry.transfer;

import java.util.Locale;
import java.util.Set;

import org.apache.commons.net.ProtocolCommandEvent;
import org.apache.commons.net.ProtocolCommandListener;

/**
 * Writes what a client sends and receives on its control connection into a
 * {@link Transcript}, with the arguments of {@code PASS} and {@code ACCT} masked.
 */
class TranscriptListener implements ProtocolCommandListener {

	static final String MASK = "****";

	/** Commands whose argument is a secret. */
	private static final Set<String> SECRET_COMMANDS = Set.of("PASS", "ACCT");

	private final Transcript transcript;

	TranscriptListener(Transcript transcript) {
		this.transcript = transcript;
	}

	@Override
	public void protocolCommandSent(ProtocolCommandEvent event) {
		String verb = event.getCommand().toUpperCase(Locale.ROOT);
		this.transcript.command(SECRET_COMMANDS.contains(verb) ? verb + " " + MASK : event.getMessage().strip());
	}

	@Override
	public void protocolReplyReceived(ProtocolCommandEvent event) {
		this.transcript.response(event.getMessage().strip());
	}

}
