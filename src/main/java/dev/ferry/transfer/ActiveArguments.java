package dev.ferry.transfer;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Writes the arguments of {@code PORT} (RFC 959) and {@code EPRT} (RFC 2428).
 */
final class ActiveArguments {

	private ActiveArguments() {
	}

	/** {@code h1,h2,h3,h4,p1,p2} for an IPv4 address. */
	static String port(InetAddress address, int port) {
		byte[] bytes = address.getAddress();
		return (bytes[0] & 0xff) + "," + (bytes[1] & 0xff) + "," + (bytes[2] & 0xff) + "," + (bytes[3] & 0xff) + ","
				+ (port >> 8) + "," + (port & 0xff);
	}

	/** {@code |1|a.b.c.d|port|} or {@code |2|ipv6|port|}, without a scope id. */
	static String eprt(InetAddress address, int port) {
		if (address instanceof Inet6Address) {
			String text = address.getHostAddress();
			int scope = text.indexOf('%');
			return "|2|" + ((scope < 0) ? text : text.substring(0, scope)) + "|" + port + "|";
		}
		return "|1|" + address.getHostAddress() + "|" + port + "|";
	}

}
