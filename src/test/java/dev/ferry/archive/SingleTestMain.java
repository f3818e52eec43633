package dev.ferry.archive;

import java.io.PrintWriter;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * The main class of a {@link ChildJvm}: runs one test method with the JUnit Platform
 * Launcher, prints its failures and summary, and exits with 0 only if exactly that one
 * test ran and passed.
 */
final class SingleTestMain {

	private SingleTestMain() {
	}

	/** The line the child prints when the test passed. */
	static String passed(String test) {
		return "Ran and passed without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: " + test;
	}

	/** Takes the test class name and the method name. */
	public static void main(String[] args) {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectMethod(args[0], args[1]))
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request, listener);
		TestExecutionSummary summary = listener.getSummary();
		PrintWriter out = new PrintWriter(System.out);
		summary.printFailuresTo(out, 40);
		summary.printTo(out);
		boolean passed = summary.getTestsFoundCount() == 1 && summary.getTestsSucceededCount() == 1
				&& summary.getTotalFailureCount() == 0;
		if (passed) {
			out.println(passed(args[0] + "#" + args[1]));
		}
		out.flush();
		System.exit(passed ? 0 : 1);
	}

}
