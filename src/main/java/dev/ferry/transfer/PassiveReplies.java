package dev.ferry.transfer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the address of a passive data connection from a {@code 227} or {@code 229} reply.
 */
final class PassiveReplies {

	private static final Pattern PASV = Pattern
		.compile("(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3})");

	private static final Pattern EPSV = Pattern.compile("\\((\\p{Punct})\\1\\1(\\d{1,5})\\1\\)");

	private PassiveReplies() {
	}

	/**
	 * Where to connect.
	 * @param command {@code PASV} or {@code EPSV}
	 * @param lines the reply lines
	 * @param controlHost the control connection's remote address
	 * @param choice whether to use the address announced in a {@code 227} reply
	 * @return the address, or {@code null} if the reply cannot be read
	 */
	static InetSocketAddress address(DataCommand command, String[] lines, InetAddress controlHost,
			PassiveAddress choice) {
		String reply = String.join(" ", lines);
		if (command == DataCommand.EPSV) {
			Matcher m = EPSV.matcher(reply);
			return m.find() ? socketAddress(controlHost, Integer.parseInt(m.group(2))) : null;
		}
		Matcher m = PASV.matcher(reply);
		if (!m.find()) {
			return null;
		}
		int port = Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6));
		InetAddress announced = announced(m);
		boolean useAnnounced = choice == PassiveAddress.ANNOUNCED && announced != null
				&& !announced.isAnyLocalAddress();
		return socketAddress(useAnnounced ? announced : controlHost, port);
	}

	/**
	 * The address a {@code 227} reply announces.
	 * @return it, or {@code null} if there is none
	 */
	static InetAddress announced(String[] lines) {
		Matcher m = PASV.matcher(String.join(" ", lines));
		return m.find() ? announced(m) : null;
	}

	private static InetAddress announced(Matcher m) {
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			int octet = Integer.parseInt(m.group(i + 1));
			if (octet > 255) {
				return null;
			}
			bytes[i] = (byte) octet;
		}
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static InetSocketAddress socketAddress(InetAddress host, int port) {
		return (port > 0 && port <= 65535) ? new InetSocketAddress(host, port) : null;
	}

}
