package dev.ferry.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import org.hibernate.annotations.BatchSize;

/**
 * What a run says about how it ended, beside its status: why it did not succeed, what is
 * worth a warning, which old files retention deleted, and when its retry is due. Bounded,
 * so that one run with a million skipped files cannot flood the history.
 */
@Embeddable
class RunReport {

	static final int MAX_MESSAGE = 4000;

	static final int MAX_WARNINGS = 100;

	static final int MAX_PRUNED = 1000;

	@Enumerated(EnumType.STRING)
	private FailureType errorType;

	private String errorMessage;

	private Instant nextAttemptAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "backup_run_pruned", joinColumns = @JoinColumn(name = "run_id"))
	@OrderColumn(name = "position")
	@Column(name = "file_name")
	@BatchSize(size = 100)
	private List<String> pruned = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "backup_run_warning", joinColumns = @JoinColumn(name = "run_id"))
	@OrderColumn(name = "position")
	@Column(name = "message")
	@BatchSize(size = 100)
	private List<String> warnings = new ArrayList<>();

	void succeeded(RunOutcome outcome) {
		outcome.pruned().stream().limit(MAX_PRUNED).forEach(this.pruned::add);
		addWarnings(outcome.warnings());
	}

	/**
	 * @param nextAttemptAt when a retry is due, or {@code null}
	 */
	void failed(FailureType type, String message, Instant nextAttemptAt, List<String> warnings) {
		this.errorType = type;
		this.errorMessage = truncate(message);
		retried(nextAttemptAt, warnings);
	}

	/**
	 * @param nextAttemptAt when the next attempt starts, or {@code null}
	 */
	void retried(Instant nextAttemptAt, List<String> notes) {
		this.nextAttemptAt = nextAttemptAt;
		addWarnings(notes);
	}

	private void addWarnings(List<String> more) {
		int room = MAX_WARNINGS - this.warnings.size();
		int shown = (more.size() <= room) ? more.size() : room - 1;
		more.stream().limit(shown).map(RunReport::truncate).forEach(this.warnings::add);
		if (shown < more.size()) {
			this.warnings.add("... and " + (more.size() - shown) + " more warnings (see the log)");
		}
	}

	private static String truncate(String message) {
		if (message == null || message.length() <= MAX_MESSAGE) {
			return message;
		}
		return message.substring(0, MAX_MESSAGE - 3) + "...";
	}

	FailureType errorType() {
		return this.errorType;
	}

	String errorMessage() {
		return this.errorMessage;
	}

	Instant nextAttemptAt() {
		return this.nextAttemptAt;
	}

	List<String> warnings() {
		return List.copyOf(this.warnings);
	}

	List<String> pruned() {
		return List.copyOf(this.pruned);
	}

}
