package org.actorrpc.demo.jobmaster.execution;

import java.time.Duration;

/**
 * Runs code later on the owning endpoint's main thread; the JobMaster implements it with
 * {@code RpcEndpoint.scheduleRunAsync}. Abstracted so the coordinator can be unit-tested with a
 * manual scheduler.
 */
@FunctionalInterface
public interface MainThreadScheduler {

	/**
	 * Runs the action on the main thread once the delay has passed.
	 * @param action what to run
	 * @param delay how long to wait
	 */
	void schedule(Runnable action, Duration delay);

}
