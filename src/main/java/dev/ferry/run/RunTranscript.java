package dev.ferry.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * The FTP control-channel transcript of one run, passwords masked. Kept apart from the
 * run so that listing runs never loads transcripts.
 */
@Entity
@Table(name = "backup_run_transcript")
class RunTranscript {

	@Id
	private Long runId;

	@Lob
	@Column(name = "transcript")
	private String text;

	protected RunTranscript() {
	}

	RunTranscript(long runId, String text) {
		this.runId = runId;
		this.text = text;
	}

	String getText() {
		return this.text;
	}

}
