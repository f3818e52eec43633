package dev.ferry.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Behind {@link FilePermissionsApply}: runs the test method directly where a mode-000
 * file cannot be read, and otherwise in a {@link ChildJvm} without root's permission
 * override.
 */
final class FilePermissionsApplyExtension implements InvocationInterceptor {

	/**
	 * Set in the child JVM, which must run the test itself instead of starting another.
	 */
	static final String IN_CHILD = "ferry.test.in-permissions-child";

	// The probe, not user.name, decides: what counts is whether this process holds the
	// capabilities, whoever it runs as.
	private static Boolean permissionsApply;

	@Override
	public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
			ExtensionContext context) throws Throwable {
		if (permissionsApply()) {
			invocation.proceed();
			return;
		}
		invocation.skip();
		// setpriv without CAP_SETPCAP leaves the bounding set as it is and still exits 0
		// (util-linux 2.38), so the child checks for itself.
		if (Boolean.getBoolean(IN_CHILD)) {
			throw new AssertionError("This child JVM still reads a mode-000 file: setpriv did not take away "
					+ "CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH");
		}
		Method method = context.getRequiredTestMethod();
		String passed = ChildJvm.run(context.getRequiredTestClass(), method.getName());
		context.publishReportEntry("file-permissions", passed);
	}

	@Override
	public void interceptTestTemplateMethod(Invocation<Void> invocation,
			ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) {
		invocation.skip();
		// The child selects a method by name, which would run every invocation of a
		// template each time.
		throw new UnsupportedOperationException("@FilePermissionsApply supports plain @Test methods only");
	}

	static synchronized boolean permissionsApply() {
		if (permissionsApply == null) {
			permissionsApply = probe();
		}
		return permissionsApply;
	}

	private static boolean probe() {
		try {
			Path file = Files.createTempFile("ferry-permissions-probe", ".txt");
			try {
				Files.writeString(file, "probe");
				Files.setPosixFilePermissions(file, Set.of());
				try (InputStream in = Files.newInputStream(file)) {
					return false;
				}
				catch (AccessDeniedException ex) {
					return true;
				}
			}
			finally {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot probe whether file permissions apply", ex);
		}
	}

}
