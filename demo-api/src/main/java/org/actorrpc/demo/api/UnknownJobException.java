package org.actorrpc.demo.api;

/**
 * No job with the given id exists. The REST API answers it with 404.
 */
public class UnknownJobException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param jobId the id that was asked for
	 */
	public UnknownJobException(String jobId) {
		super("No job with id '" + jobId + "'; GET /jobs lists the known jobs");
	}

}
