package dev.ferry.system;

/**
 * One rejected field of a request: its JSON path (e.g. {@code target.port},
 * {@code sources[0]}) and why it was rejected.
 */
public record FieldProblem(String field, String message) {
}
