package dev.ferry.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs failed logins (user name and client address, never the password), and refuses
 * logins of a name or from an address that failed too often, with 429 and
 * {@code Retry-After}, before any password is checked.
 */
final class LoginAttempts extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	private final LoginThrottle throttle;

	private final Problems problems;

	LoginAttempts(LoginThrottle throttle, Problems problems) {
		this.throttle = throttle;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> name = attemptedName(request);
		if (name.isPresent()) {
			Optional<Duration> wait = this.throttle.blocked(name.get(), request.getRemoteAddr());
			if (wait.isPresent()) {
				long seconds = Math.max(1, wait.get().toSeconds() + 1);
				log.warn("Login of user '{}' from {} refused for {} s after repeated failures", clean(name.get()),
						clean(request.getRemoteAddr()), seconds);
				response.setHeader("Retry-After", String.valueOf(seconds));
				this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
						"Too many failed logins for this user name or from this address; try again in " + seconds
								+ " s.");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * The user name a request tries to log in with: Basic header or the login form, as
	 * sent (the throttle folds it as authentication does).
	 */
	private static Optional<String> attemptedName(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return Optional.of((colon >= 0) ? decoded.substring(0, colon) : decoded);
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}
		if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
			return Optional.ofNullable(request.getParameter("username"));
		}
		return Optional.empty();
	}

	/**
	 * A user name or address as it may appear in a log line: no control characters, not
	 * endless.
	 */
	static String clean(String name) {
		String printable = name.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() > 64) ? printable.substring(0, 64) + "..." : printable;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String name = String.valueOf(event.getAuthentication().getName());
		String address = address(event.getAuthentication());
		this.throttle.failed(name, address);
		log.warn("Failed login for user '{}' from {}: {}", clean(name), clean(address),
				event.getException().getMessage());
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.throttle.succeeded(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	private static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: "unknown";
	}

}
