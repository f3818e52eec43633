package dev.ferry.archive;

/**
 * One name of an exclude glob: {@code *} matches any run of characters, {@code ?} one
 * character (a code point, so one emoji), everything else itself.
 * <p>
 * Matched by the greedy two-pointer algorithm: on a mismatch only the last {@code *} seen
 * takes one more character. Earlier stars never need another try, because the last one
 * can absorb whatever they would have taken. Each retry moves the last star's start
 * forward, so there are at most as many retries as the name has characters, each followed
 * by at most one pass over the pattern: at most (pattern length + 1) × (name length + 2)
 * steps, where a backtracking regex can need exponentially many.
 */
final class NameGlob {

	private static final int ANY = -1;

	private static final int ONE = -2;

	// Code points of the name, with ANY for '*' and ONE for '?'.
	private final int[] tokens;

	private NameGlob(int[] tokens) {
		this.tokens = tokens;
	}

	static NameGlob compile(String name) {
		return new NameGlob(name.codePoints().map((c) -> switch (c) {
			case '*' -> ANY;
			case '?' -> ONE;
			default -> c;
		}).toArray());
	}

	/**
	 * Whether the pattern matches {@code path} from {@code start} (inclusive) to
	 * {@code end} (exclusive).
	 */
	boolean matches(String path, int start, int end, GlobPattern.StepCounter steps) {
		int p = 0;
		int s = start;
		int star = -1;
		int mark = start;
		while (s < end) {
			steps.step();
			if (p < this.tokens.length && this.tokens[p] == ANY) {
				// Let the star match nothing for now; a mismatch gives it more.
				star = p++;
				mark = s;
			}
			else if (p < this.tokens.length && (this.tokens[p] == ONE || this.tokens[p] == path.codePointAt(s))) {
				p++;
				s += Character.charCount(path.codePointAt(s));
			}
			else if (star >= 0) {
				p = star + 1;
				mark += Character.charCount(path.codePointAt(mark));
				s = mark;
			}
			else {
				return false;
			}
		}
		// The name is used up: only stars, matching nothing, may be left.
		while (p < this.tokens.length && this.tokens[p] == ANY) {
			steps.step();
			p++;
		}
		return p == this.tokens.length;
	}

}
