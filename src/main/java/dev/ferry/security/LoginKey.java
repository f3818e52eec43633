package dev.ferry.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@link LoginThrottle} counts failed logins by: the user name as authentication
 * matches it, and the client address as an attacker holds it.
 */
enum LoginKey {

	/**
	 * Trimmed and lower-cased: the login form trims the name and
	 * {@code InMemoryUserDetailsManager} looks it up with
	 * {@code toLowerCase(Locale.ROOT)}, so {@code Admin}, {@code ADMIN } and
	 * {@code admin} are one user and share one count. (HTTP Basic does not trim, so
	 * {@code "admin "} never logs in there; counting it as {@code admin} only blocks
	 * sooner.) Names are cut at {@value #LONGEST} characters, so that a guesser's long
	 * names cannot fill the memory.
	 */
	USER {
		@Override
		String derive(String name) {
			String folded = name.trim().toLowerCase(Locale.ROOT);
			return (folded.length() > LONGEST) ? folded.substring(0, LONGEST) : folded;
		}
	},

	/**
	 * An IPv4 address on its own; an IPv6 address by its /64, the smallest network an ISP
	 * hands out, whose 2^64 addresses one attacker owns; an IPv4-mapped IPv6 address as
	 * the IPv4 address it is. Anything else (a name a forwarded header made up) as it is,
	 * never looked up.
	 */
	ADDRESS {
		@Override
		String derive(String address) {
			Optional<InetAddress> ip = literal(address);
			if (ip.isEmpty()) {
				String text = address.strip();
				return (text.length() > LONGEST) ? text.substring(0, LONGEST) : text;
			}
			if (ip.get() instanceof Inet6Address) {
				byte[] bytes = ip.get().getAddress();
				return String.format("%x:%x:%x:%x::/64", group(bytes, 0), group(bytes, 2), group(bytes, 4),
						group(bytes, 6));
			}
			return ip.get().getHostAddress();
		}
	};

	private static final int LONGEST = 128;

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	/**
	 * What {@code InetAddress.getByName} parses as an IPv6 literal (or refuses) without a
	 * lookup: a colon somewhere, and a hex digit or a colon first.
	 */
	private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

	/** The throttle's key for a user name or an address; never null. */
	String of(String value) {
		return name() + ":" + ((value != null) ? derive(value) : "");
	}

	abstract String derive(String value);

	/**
	 * Parses an IP literal without ever asking DNS: {@code InetAddress.getByName} looks
	 * up whatever it cannot parse, and a forwarded header could name any host.
	 */
	private static Optional<InetAddress> literal(String address) {
		String text = address.strip();
		if (text.startsWith("[") && text.endsWith("]")) {
			text = text.substring(1, text.length() - 1);
		}
		int zone = text.indexOf('%');
		if (zone >= 0) {
			text = text.substring(0, zone);
		}
		try {
			var ipv4 = IPV4.matcher(text);
			if (ipv4.matches()) {
				byte[] bytes = new byte[4];
				for (int i = 0; i < 4; i++) {
					int part = Integer.parseInt(ipv4.group(i + 1));
					if (part > 255) {
						return Optional.empty();
					}
					bytes[i] = (byte) part;
				}
				return Optional.of(InetAddress.getByAddress(bytes));
			}
			return IPV6.matcher(text).matches() ? Optional.of(InetAddress.getByName(text)) : Optional.empty();
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	private static int group(byte[] bytes, int at) {
		return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
	}

}
