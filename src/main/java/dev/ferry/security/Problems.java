package dev.ferry.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's answers to who may not: 401 with {@code WWW-Authenticate}, 403 and 429, as
 * problem+json like every other API error. The security filters answer before Spring MVC
 * is reached, so the {@link ProblemDetail} is written here, with the JSON mapper that
 * Spring MVC writes its own with.
 */
final class Problems implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String REALM = "Ferry";

	/**
	 * What an absent type means (RFC 9457), stated as these bodies always have; Spring's
	 * own problems leave it out.
	 */
	private static final URI NO_TYPE = URI.create("about:blank");

	private final JsonMapper mapper;

	Problems(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
		write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
				"Log in: the API takes HTTP Basic authentication with a Ferry user name and password.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this; it needs an ADMIN.");
	}

	/**
	 * Answers the request with a problem.
	 * @param request the request refused; its path becomes the problem's instance
	 * @param response where to write
	 * @param status the HTTP status
	 * @param title a short summary that does not change from request to request
	 * @param detail what happened to this request and what to do
	 * @throws IOException if the response cannot be written
	 */
	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(NO_TYPE);
		problem.setTitle(title);
		problem.setInstance(instance(request));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.mapper.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * The request's path, as Spring MVC makes its problems' instance; none where it is no
	 * URI, rather than failing to refuse.
	 */
	private static URI instance(HttpServletRequest request) {
		try {
			return URI.create(request.getRequestURI());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
