package dev.ferry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Ferry's packaged jar ({@code target/ferry-*.jar}, built by {@code package}) running as
 * a separate process, started with {@code java -jar} the way a container starts it:
 * configured by environment variables alone, in a working directory of the caller's
 * choosing. Its output goes to a log file, whose tail failure messages show.
 */
final class PackagedJar implements AutoCloseable {

	/**
	 * The two cores of a build machine are shared with the rest of the suite: a small
	 * heap, one collector thread, no optimizing compiler for a short-lived service.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	private final Process process;

	private final Path log;

	private final int port;

	private PackagedJar(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Starts the jar and waits until {@code /actuator/health} says UP.
	 * @param workingDirectory where the process starts
	 * @param environment its whole environment, besides {@code SERVER_PORT} and
	 * {@code SERVER_ADDRESS}, which this sets
	 * @param log where its output goes
	 */
	static PackagedJar start(Path workingDirectory, Map<String, String> environment, Path log) {
		int port = freePort();
		ProcessBuilder builder = new ProcessBuilder(command()).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// Nothing of the build's own environment (a FERRY_* or SPRING_* variable of the
		// shell that runs Maven) may leak into the service under test.
		builder.environment().clear();
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
		PackagedJar jar;
		try {
			jar = new PackagedJar(builder.start(), log, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		jar.awaitHealthy();
		return jar;
	}

	/**
	 * The environment every start needs besides Ferry's own variables: a UTF-8 locale,
	 * without which JDK 17 encodes file names in ASCII (container images set one too).
	 */
	static Map<String, String> baseEnvironment() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("LANG", "C.UTF-8");
		return environment;
	}

	int port() {
		return this.port;
	}

	/** Everything the process wrote so far. */
	String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stops the service as a container runtime does (SIGTERM), and waits for its end. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new IllegalStateException("Ferry did not stop within 60 s after SIGTERM" + tail());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private void awaitHealthy() {
		Api anonymous = new Api(this.port, null, null);
		try {
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(500))
				// connection refused while the service starts
				.ignoreExceptionsInstanceOf(IllegalStateException.class)
				.until(() -> {
					if (!this.process.isAlive()) {
						throw new AssertionError(
								"Ferry exited with status " + this.process.exitValue() + " before it was UP" + tail());
					}
					Api.Response health = anonymous.get("/actuator/health");
					return health.status() == 200 && "UP".equals(health.json().path("status").asString());
				});
		}
		catch (RuntimeException | AssertionError ex) {
			close();
			throw ex;
		}
	}

	private String tail() {
		String output = output();
		return "; its output ends with:\n" + output.substring(Math.max(0, output.length() - 6000));
	}

	private static List<String> command() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		command.add("-jar");
		command.add(jar().toAbsolutePath().toString());
		return command;
	}

	/**
	 * The jar that {@code package} built: named by the build ({@code ferry.jar}), else
	 * the one {@code target/ferry-*.jar} (when an IDE runs the test after a build).
	 */
	static Path jar() {
		String named = System.getProperty("ferry.jar");
		if (named != null) {
			Path jar = Path.of(named);
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException(jar + " does not exist: run ./mvnw package first");
			}
			return jar;
		}
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			List<Path> jars = files.filter((file) -> file.getFileName().toString().matches("ferry-.*\\.jar"))
				.filter((file) -> !file.getFileName().toString().endsWith("-plain.jar"))
				.toList();
			if (jars.size() != 1) {
				throw new IllegalStateException("Expected one target/ferry-*.jar (run ./mvnw package), found " + jars);
			}
			return jars.get(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("No target directory: run ./mvnw package first", ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
