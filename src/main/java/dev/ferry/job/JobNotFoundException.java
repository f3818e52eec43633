package dev.ferry.job;

import dev.ferry.system.NotFoundException;

/**
 * No job has the requested id.
 */
public class JobNotFoundException extends NotFoundException {

	public JobNotFoundException(long id) {
		super("No job with id " + id);
	}

}
