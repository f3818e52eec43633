package dev.ferry.system;

import java.util.Map;

/**
 * The request conflicts with the current state (a duplicate name, a run already under
 * way); rendered as 409 problem+json with the given extra properties.
 */
public class ConflictException extends RuntimeException {

	private final Map<String, Object> properties;

	public ConflictException(String message, Map<String, Object> properties) {
		super(message);
		this.properties = Map.copyOf(properties);
	}

	public ConflictException(String message) {
		this(message, Map.of());
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

}
