package dev.ferry.archive;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one test method in a new JVM on the same test classpath, started through
 * {@code setpriv} without {@code CAP_DAC_OVERRIDE} and {@code CAP_DAC_READ_SEARCH}, so
 * that root obeys file permissions there yet still reads what it owns (the Maven
 * repository, {@code target/}).
 */
final class ChildJvm {

	private static final String DROPPED = "-dac_override,-dac_read_search";

	private static final List<String> SETPRIV = List.of("setpriv", "--bounding-set", DROPPED, "--inh-caps", DROPPED,
			"--");

	// Far above the second or two it takes; only there so that a hung child cannot hang
	// the build.
	private static final long TIMEOUT_MINUTES = 5;

	private ChildJvm() {
	}

	/**
	 * Runs the test and returns the child's confirmation that it passed.
	 * @throws AssertionError with the child's output if the test did not run and pass
	 * there, or if the child could not be started without the capabilities
	 */
	static String run(Class<?> testClass, String methodName) throws IOException, InterruptedException {
		String test = testClass.getName() + "#" + methodName;
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(SETPRIV);
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// Quick start matters more than peak speed for one short test.
		command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		command.addAll(List.of("-cp", classpath, "-D" + FilePermissionsApplyExtension.IN_CHILD + "=true",
				"-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
		command.addAll(List.of(SingleTestMain.class.getName(), testClass.getName(), methodName));
		String described = String.join(" ", SETPRIV) + " java ... " + SingleTestMain.class.getSimpleName() + " " + test;
		Path output = Files.createTempFile("ferry-child-jvm", ".log");
		try {
			Process process = start(command, output, described);
			if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
				process.destroyForcibly().waitFor();
				throw new AssertionError("The child JVM running " + test + " did not finish within " + TIMEOUT_MINUTES
						+ " minutes; its output:\n" + read(output));
			}
			String text = read(output);
			String passed = SingleTestMain.passed(test);
			if (process.exitValue() != 0 || !text.contains(passed)) {
				throw new AssertionError("Without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (" + described
						+ "), the test did not run and pass; exit status " + process.exitValue() + ", output:\n"
						+ text);
			}
			return passed;
		}
		finally {
			Files.delete(output);
		}
	}

	private static Process start(List<String> command, Path output, String described) {
		try {
			return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot start " + described + " (setpriv comes with util-linux): "
					+ ex.getMessage() + ". Root reads any file, so this test needs setpriv to take away "
					+ "CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH", ex);
		}
	}

	private static String read(Path output) throws IOException {
		// The child writes in the platform charset; never fail on a stray byte.
		return new String(Files.readAllBytes(output), Charset.defaultCharset());
	}

}
