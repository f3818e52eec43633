package dev.ferry.transfer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

import dev.ferry.transfer.ProbeReport.Result;
import dev.ferry.transfer.ProbeReport.Step;
import dev.ferry.transfer.TransferProperties.EffectiveTimeouts;

/**
 * Tests a target the way an upload would use it: connect, TLS, login, then a small upload
 * and delete of {@code .ferry-probe-<random>} in the target's remote directory with each
 * of {@code PASV}, {@code EPSV}, {@code PORT} and {@code EPRT}, and recommends a mode.
 * <p>
 * Like the first upload would, the probe creates a missing remote directory (so that a
 * new job's test does not fail only because nothing was uploaded yet); if it cannot, each
 * data result says why. Data connections wait at most {@value #CAP_SECONDS} s each, so a
 * probe of a server whose data ports are black-holed ends within about a minute.
 * <p>
 * Recommendation: the configured mode if the command it would use first works (AUTO's
 * first is its passive choice), else {@link TransferMode#PASSIVE} if its command works,
 * else {@link TransferMode#ACTIVE} if its command works, else the one command that works,
 * pinned ({@code EPSV} before {@code PASV}, {@code PORT} before {@code EPRT}).
 * {@code recommended} is the command the recommended mode will use.
 */
@Component
public class FtpProbe {

	static final int CAP_SECONDS = 10;

	private static final List<DataCommand> ORDER = List.of(DataCommand.PASV, DataCommand.EPSV, DataCommand.PORT,
			DataCommand.EPRT);

	private static final List<DataCommand> PREFERENCE = List.of(DataCommand.EPSV, DataCommand.PASV, DataCommand.PORT,
			DataCommand.EPRT);

	private static final byte[] PROBE_CONTENT = "Ferry probe: safe to delete\n".getBytes(StandardCharsets.US_ASCII);

	private final FtpConnector connector;

	private final TransferProperties properties;

	public FtpProbe(TransferProperties properties) {
		this.properties = Objects.requireNonNull(properties, "properties");
		this.connector = new FtpConnector(properties);
	}

	/**
	 * Probes a target.
	 * @param target the target, as a job would use it
	 * @return what worked and what did not, with the transcript; never throws for FTP
	 * failures
	 */
	public ProbeReport probe(FtpTarget target) {
		Objects.requireNonNull(target, "target");
		Transcript transcript = new Transcript();
		EffectiveTimeouts timeouts = this.properties.forTarget(target).capped(Duration.ofSeconds(CAP_SECONDS));
		List<Step> steps = new ArrayList<>();
		FtpSession session;
		try {
			session = this.connector.open(target, timeouts, transcript,
					(name, ok, millis, detail) -> steps.add(new Step(name, ok, millis, detail)));
		}
		catch (TransferException ex) {
			return new ProbeReport(steps, List.of(), null, null, List.of(), transcript.text());
		}
		List<String> features = session.features();
		TransferMode.ServerTraits traits = session.traits();
		List<Result> results = new ArrayList<>();
		try (DataProbe data = new DataProbe(session, target, timeouts, transcript)) {
			for (DataCommand command : ORDER) {
				results.add(data.attempt(command));
			}
		}
		Set<DataCommand> working = EnumSet.noneOf(DataCommand.class);
		results.stream().filter(Result::ok).forEach((result) -> working.add(result.mode()));
		TransferMode mode = recommendMode(target.transferMode(), traits, working);
		DataCommand recommended = (mode != null) ? mode.first(traits, null) : null;
		transcript.status("Probe done: "
				+ ((mode != null) ? "use " + mode + " (" + recommended + ")" : "no data connection worked"));
		return new ProbeReport(steps, results, recommended, mode, features, transcript.text());
	}

	static TransferMode recommendMode(TransferMode configured, TransferMode.ServerTraits traits,
			Set<DataCommand> working) {
		for (TransferMode mode : List.of(configured, TransferMode.PASSIVE, TransferMode.ACTIVE)) {
			if (working.contains(mode.first(traits, null))) {
				return mode;
			}
		}
		return PREFERENCE.stream()
			.filter(working::contains)
			.findFirst()
			.map((command) -> TransferMode.valueOf(command.name()))
			.orElse(null);
	}

	/** Uploads and deletes a probe file per command, reconnecting when needed. */
	private final class DataProbe implements AutoCloseable {

		private final FtpTarget target;

		private final EffectiveTimeouts timeouts;

		private final Transcript transcript;

		private FtpSession session;

		private String directoryProblem;

		/** A probe file a failed attempt may have left, removed after reconnecting. */
		private String leftOver;

		DataProbe(FtpSession session, FtpTarget target, EffectiveTimeouts timeouts, Transcript transcript) {
			this.session = session;
			this.target = target;
			this.timeouts = timeouts;
			this.transcript = transcript;
			enterDirectory();
		}

		Result attempt(DataCommand command) {
			long start = System.nanoTime();
			String name = ".ferry-probe-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
			String path = RemotePaths.pathOf(this.target.remoteDir(), name);
			this.transcript.status("Probing " + command + " with " + path);
			try {
				if (this.directoryProblem != null) {
					return result(command, false, start, this.directoryProblem);
				}
				if (this.session == null) {
					this.session = FtpProbe.this.connector.open(this.target, this.timeouts, this.transcript,
							ConnectStep.Listener.NONE);
					enterDirectory();
					if (this.directoryProblem != null) {
						return result(command, false, start, this.directoryProblem);
					}
					if (this.leftOver != null) {
						this.session.deleteQuietly(this.leftOver);
						this.leftOver = null;
					}
				}
				long bytes = new Store(this.session, this.timeouts).run(command, name, path,
						(out) -> out.write(PROBE_CONTENT));
				this.session.delete(name, path);
				return result(command, true, start, "stored and deleted " + path + " (" + bytes + " bytes)");
			}
			catch (DataConnectionFailure failure) {
				String detail = "Storing " + path + " on " + this.target.endpoint() + " failed: "
						+ DataFailureText.explain(TransferMode.valueOf(command.name()), failure);
				this.transcript.error(detail);
				if (!failure.controlInSync()) {
					close();
					this.leftOver = failure.transferCommandSent() ? name : null;
				}
				else if (failure.transferCommandSent()) {
					this.session.deleteQuietly(name);
				}
				return result(command, false, start, detail);
			}
			catch (TransferException ex) {
				close();
				return result(command, false, start, ex.getMessage());
			}
		}

		private void enterDirectory() {
			try {
				this.session.enterDirectory(this.target.remoteDir());
			}
			catch (TransferException ex) {
				this.directoryProblem = ex.getMessage();
			}
		}

		private Result result(DataCommand command, boolean ok, long start, String detail) {
			return new Result(command, ok, (System.nanoTime() - start) / 1_000_000, detail);
		}

		@Override
		public void close() {
			if (this.session != null) {
				this.session.close();
				this.session = null;
			}
		}

	}

}
