package dev.ferry.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses POST, PUT, PATCH and DELETE (any method but GET, HEAD, OPTIONS and TRACE) that
 * a browser says come from another web site, with 403, before anyone is authenticated. A
 * browser that once logged in to the API keeps sending its Basic credentials, also with a
 * form or a {@code no-cors} fetch that another site makes it send; the API has no CSRF
 * token that could tell the two apart. The browser's own headers can:
 * {@code Sec-Fetch-Site} (anything but {@code same-origin} or {@code none} is another
 * site), or, where the browser sends no {@code Sec-Fetch-Site}, an {@code Origin} that is
 * not this service's. Scripts send neither and pass, as does every read.
 * <p>
 * "This service's origin" is scheme, host and port as the request sees them, so behind a
 * reverse proxy it follows {@code server.forward-headers-strategy}. Spring Security 7.1
 * has no such filter yet (spring-security#18361); this follows Go's
 * {@code http.CrossOriginProtection}.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(CrossSiteRequests.class);

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/**
	 * What a browser says of a request made by the page of this very origin, or by the
	 * user.
	 */
	private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

	private final Problems problems;

	CrossSiteRequests(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> crossSite = SAFE_METHODS.contains(request.getMethod()) ? Optional.empty() : crossSite(request);
		if (crossSite.isPresent()) {
			log.warn("Refused a cross-site {} {}: {}", request.getMethod(), request.getRequestURI(),
					crossSite.get().replaceAll("\\p{Cntrl}", "?"));
			this.problems.write(request, response, HttpStatus.FORBIDDEN, "Cross-site request refused",
					"This " + request.getMethod() + " comes from a page of another site: " + crossSite.get()
							+ ". The API changes nothing for other web sites; "
							+ "call it from a script (such as curl) or from Ferry's own pages.");
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Why the browser's headers say the request comes from another site; empty when they
	 * do not (or when there are none: not a browser).
	 */
	static Optional<String> crossSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null) {
			return OWN_SITE.contains(fetchSite.strip().toLowerCase(Locale.ROOT)) ? Optional.empty()
					: Optional.of("the browser says Sec-Fetch-Site: " + shortened(fetchSite));
		}
		String origin = request.getHeader("Origin");
		if (origin == null || isOwn(request)) {
			return Optional.empty();
		}
		return Optional.of("its Origin " + shortened(origin) + " is not this service's " + ownOrigin(request));
	}

	/**
	 * Compares with the request's scheme, host and port as Spring sees them (forwarded
	 * headers applied); {@code Origin: null} and anything unparsable are foreign.
	 */
	private static boolean isOwn(HttpServletRequest request) {
		try {
			return !CorsUtils.isCorsRequest(request);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String ownOrigin(HttpServletRequest request) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

	private static String shortened(String header) {
		return (header.length() > 100) ? header.substring(0, 100) + "..." : header;
	}

}
