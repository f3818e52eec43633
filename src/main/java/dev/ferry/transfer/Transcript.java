package dev.ferry.transfer;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The control-channel transcript of one transfer, as FileZilla shows it: timestamped
 * {@code Status:}, {@code Command:} and {@code Response:} lines, secrets already masked
 * by whoever adds them. Bounded: it keeps the first and the last lines of a long session
 * and says how many it left out in between.
 * <p>
 * Safe to add to from the thread that drives the transfer and a watchdog at once.
 */
public final class Transcript {

	/** Lines kept from the start and, separately, from the end of a session. */
	public static final int DEFAULT_KEEP = 200;

	private static final int MAX_LINE = 2000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
		.withZone(ZoneOffset.UTC);

	private final Clock clock;

	private final int keep;

	private final List<String> head = new ArrayList<>();

	private final Deque<String> tail = new ArrayDeque<>();

	private long omitted;

	public Transcript() {
		this(Clock.systemUTC(), DEFAULT_KEEP);
	}

	Transcript(Clock clock, int keep) {
		this.clock = clock;
		this.keep = keep;
	}

	/** Something this side did or noticed: connecting, opening a data connection, ... */
	public void status(String message) {
		add("Status:", message);
	}

	void command(String command) {
		add("Command:", command);
	}

	void response(String response) {
		add("Response:", response);
	}

	void error(String message) {
		add("Error:", message);
	}

	private synchronized void add(String kind, String text) {
		String stamp = TIME.format(this.clock.instant());
		for (String line : text.strip().split("\\R")) {
			String entry = stamp + " " + kind + " " + clip(line);
			if (this.head.size() < this.keep) {
				this.head.add(entry);
				continue;
			}
			this.tail.addLast(entry);
			if (this.tail.size() > this.keep) {
				this.tail.removeFirst();
				this.omitted++;
			}
		}
	}

	private static String clip(String line) {
		return (line.length() <= MAX_LINE) ? line : line.substring(0, MAX_LINE) + " [...]";
	}

	/** The transcript as text, one line per entry. */
	public synchronized String text() {
		StringBuilder text = new StringBuilder();
		this.head.forEach((line) -> text.append(line).append('\n'));
		if (this.omitted > 0) {
			text.append("[... ").append(this.omitted).append(" lines left out ...]\n");
		}
		this.tail.forEach((line) -> text.append(line).append('\n'));
		return text.toString();
	}

	public synchronized boolean isEmpty() {
		return this.head.isEmpty();
	}

}
