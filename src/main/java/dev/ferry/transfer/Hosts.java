package dev.ferry.transfer;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.regex.Pattern;

/**
 * Small helpers for addresses in messages and checks.
 */
final class Hosts {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private Hosts() {
	}

	/** Whether a host is written as an IP address rather than a name. */
	static boolean isIpLiteral(String host) {
		return IPV4.matcher(host).matches() || host.contains(":");
	}

	/** {@code address:port}, IPv6 in brackets. */
	static String format(InetAddress address, int port) {
		String text = address.getHostAddress();
		return ((address instanceof Inet6Address) ? "[" + text + "]" : text) + ":" + port;
	}

	static String format(InetSocketAddress address) {
		return format(address.getAddress(), address.getPort());
	}

	/** Whether an address cannot be reached from the internet: private, loopback, ... */
	static boolean isPrivate(InetAddress address) {
		return address.isSiteLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || ((address.getAddress().length == 4)
						&& (address.getAddress()[0] & 0xff) == 100 && (address.getAddress()[1] & 0xc0) == 64);
	}

}
