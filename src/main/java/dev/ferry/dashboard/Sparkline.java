package dev.ferry.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The points of a small line chart (an SVG polyline of 100 × 20) of recent values, oldest
 * on the left, drawn on the server so that it needs no JavaScript.
 */
final class Sparkline {

	static final int WIDTH = 100;

	static final int HEIGHT = 20;

	private Sparkline() {
	}

	/**
	 * @param newestFirst the values, newest first
	 * @return {@code "x,y x,y ..."}, or {@code null} for fewer than two values
	 */
	static String of(List<Long> newestFirst) {
		if (newestFirst.size() < 2) {
			return null;
		}
		List<Long> values = new ArrayList<>(newestFirst);
		java.util.Collections.reverse(values);
		long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
		List<String> points = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			double x = (double) i * WIDTH / (values.size() - 1);
			double y = (max == 0) ? HEIGHT : HEIGHT - (double) values.get(i) * (HEIGHT - 2) / max - 1;
			points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
		}
		return String.join(" ", points);
	}

}
