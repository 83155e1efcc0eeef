package org.actorrpc.demo.api;

/**
 * Answer to a heartbeat.
 */
public enum HeartbeatResponse {

	/** The ResourceManager knows this registration. */
	ACCEPTED,
	/**
	 * The ResourceManager does not know this registration (it declared the TaskManager lost, or it
	 * restarted): the TaskManager must register again.
	 */
	UNKNOWN_TASK_EXECUTOR

}
