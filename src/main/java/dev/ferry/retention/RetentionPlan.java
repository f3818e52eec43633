package dev.ferry.retention;

import java.time.Instant;
import java.util.List;

/**
 * What retention keeps and deletes in a directory.
 *
 * @param keep the job's archives kept, newest first, each with the rules that keep it
 * @param delete what to delete, newest first: archives no rule keeps with their checksum
 * files, checksum files whose archive is gone, and partial uploads left by runs that did
 * not end
 * @param ignored every other name in the directory: never touched
 */
public record RetentionPlan(List<Kept> keep, List<String> delete, List<String> ignored) {

	public RetentionPlan {
		keep = List.copyOf(keep);
		delete = List.copyOf(delete);
		ignored = List.copyOf(ignored);
	}

	/**
	 * An archive that stays.
	 *
	 * @param reasons e.g. {@code last 3}, {@code daily 2026-11-21},
	 * {@code weekly 2026-W47}
	 */
	public record Kept(String name, Instant time, List<String> reasons) {

		public Kept {
			reasons = List.copyOf(reasons);
		}

	}

}
