package dev.ferry.transfer;

import java.util.List;

/**
 * What a probe of a target found: whether connecting, TLS and login work, which
 * data-connection commands work, which one to use, and what the server says it supports.
 *
 * @param steps connect, TLS (when configured) and login, in order; a failed step ends the
 * probe
 * @param results one per data-connection command tried (a small upload and delete each)
 * @param recommended the command to use, or {@code null} when none worked
 * @param recommendedMode the transfer mode to configure for it, or {@code null}
 * @param features the server's {@code FEAT} lines
 * @param transcript the probe's control-channel transcript
 */
public record ProbeReport(List<Step> steps, List<Result> results, DataCommand recommended, TransferMode recommendedMode,
		List<String> features, String transcript) {

	/** One step before the data connections: connect, tls or login. */
	public record Step(String name, boolean ok, long millis, String detail) {
	}

	/** One data-connection command tried. */
	public record Result(DataCommand mode, boolean ok, long millis, String detail) {
	}

}
