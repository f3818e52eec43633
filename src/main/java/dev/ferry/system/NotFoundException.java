package dev.ferry.system;

/**
 * A resource the request names does not exist; rendered as 404 problem+json.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
