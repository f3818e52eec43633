package dev.ferry.transfer;

/**
 * A range of local ports for active-mode data connections, written {@code 40000-40100}.
 *
 * @param from first port, 1024 to 65535
 * @param to last port, {@code from} to 65535
 */
public record PortRange(int from, int to) {

	public PortRange {
		if (from < 1024 || to > 65535 || from > to) {
			throw new IllegalArgumentException(
					"must be 'from-to' with 1024 <= from <= to <= 65535, got " + from + "-" + to);
		}
	}

	/**
	 * Reads {@code "40000-40100"} (or a single port {@code "40000"}).
	 * @throws IllegalArgumentException with a message fit for the user
	 */
	public static PortRange parse(String text) {
		String[] bounds = text.strip().split("\\s*-\\s*", -1);
		try {
			if (bounds.length == 1) {
				int port = Integer.parseInt(bounds[0]);
				return new PortRange(port, port);
			}
			if (bounds.length == 2) {
				return new PortRange(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("must be 'from-to', e.g. 40000-40100, got '" + text + "'");
	}

	public int size() {
		return this.to - this.from + 1;
	}

	@Override
	public String toString() {
		return this.from + "-" + this.to;
	}

}
