package dev.ferry.system;

import java.util.List;

/**
 * A request that names one or more bad fields; rendered as 400 problem+json listing them.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidRequestException(List<FieldProblem> problems) {
		super("Invalid request: " + problems);
		this.problems = List.copyOf(problems);
	}

	public InvalidRequestException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
