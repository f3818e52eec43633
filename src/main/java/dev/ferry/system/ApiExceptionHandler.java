package dev.ferry.system;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the REST API into an RFC 9457 problem: 400 naming each bad field,
 * 404 for an unknown id, 409 for a conflict, and a 500 without internals for the rest.
 */
// Not limited to Ferry's controllers: a wrong method or an unknown path has no
// controller, and gets a problem too.
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return badRequest(ex.problems());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler(UpstreamException.class)
	ProblemDetail upstream(UpstreamException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setTitle("The FTP server failed");
		problem.setProperty("phase", ex.phase());
		return problem;
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Conflict");
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Another request changed the same data at the same time; read it again and retry.");
		problem.setTitle("Conflict");
		return problem;
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrityViolation(DataIntegrityViolationException ex) {
		log.info("Request conflicts with stored data: {}", ex.getMostSpecificCause().getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The request conflicts with data already stored (for example a duplicate name).");
		problem.setTitle("Conflict");
		return problem;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error while handling a request", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred; the service log has the details.");
		problem.setTitle("Internal error");
		return problem;
	}

	/**
	 * Spring's own errors (405, 404 of an unknown path, 415...) as problem+json too,
	 * whatever the client accepts.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
				&& !servlet.getRequest().getRequestURI().startsWith("/api/")) {
			// a page, not the API: the servlet container renders the error page
			try {
				servlet.getResponse().sendError(statusCode.value());
				return null;
			}
			catch (java.io.IOException io) {
				// the response is gone; nothing left to render
				return null;
			}
		}
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response == null || !(response.getBody() instanceof ProblemDetail)) {
			return response;
		}
		return ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(response.getBody());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), error.getDefaultMessage()))
			.toList();
		return ResponseEntity.badRequest().body(badRequest(problems));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(badRequest(List.of(unreadable(ex))));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		Class<?> type = ex.getRequiredType();
		return ResponseEntity.badRequest()
			.body(badRequest(
					List.of(new FieldProblem(field, "must be " + describe(type) + ", got '" + ex.getValue() + "'"))));
	}

	private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return new FieldProblem(path(unknown), "unknown field");
		}
		if (cause instanceof InvalidFormatException invalid) {
			return new FieldProblem(path(invalid),
					"must be " + describe(invalid.getTargetType()) + ", got '" + invalid.getValue() + "'");
		}
		if (cause instanceof MismatchedInputException mismatched) {
			return new FieldProblem(path(mismatched), "must be "
					+ (mismatched.getPath().isEmpty() ? "a JSON object" : describe(mismatched.getTargetType())));
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return new FieldProblem(path(jackson), "is not a valid value (out of range or malformed)");
		}
		if (cause instanceof JacksonException jackson && jackson.getLocation() != null) {
			return new FieldProblem("body", "malformed JSON at line " + jackson.getLocation().getLineNr() + ", column "
					+ jackson.getLocation().getColumnNr());
		}
		return new FieldProblem("body", "a JSON request body is required");
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String describe(Class<?> type) {
		if (type == null) {
			return "a valid value";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.toString(type.getEnumConstants());
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		if (type == String.class) {
			return "a string";
		}
		return "an object";
	}

	private static ProblemDetail badRequest(List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, summary(problems));
		problem.setTitle("Invalid request");
		problem.setProperty("errors",
				problems.stream().map((p) -> Map.of("field", p.field(), "message", p.message())).toList());
		return problem;
	}

	private static String summary(List<FieldProblem> problems) {
		return String.join("; ", problems.stream().map((p) -> p.field() + ": " + p.message()).toList());
	}

}
