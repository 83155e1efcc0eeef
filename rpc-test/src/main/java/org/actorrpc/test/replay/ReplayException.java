package org.actorrpc.test.replay;

/**
 * A journal cannot be replayed (as opposed to a replay that diverged,
 * {@link NonDeterminismException}): it does not begin at the endpoint's first message, it records
 * work whose code it cannot hold (a task submitted from another thread), an invocation whose
 * arguments could not be recorded, or the endpoint cannot be created. The message says which
 * message and what to change.
 */
public class ReplayException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message what cannot be replayed and why
	 * @param cause the underlying failure, or {@code null}
	 */
	public ReplayException(String message, Throwable cause) {
		super(message, cause);
	}

}
