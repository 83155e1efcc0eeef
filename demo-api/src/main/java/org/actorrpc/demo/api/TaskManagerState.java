package org.actorrpc.demo.api;

/**
 * Registration state of a TaskManager, as the ResourceManager sees it.
 */
public enum TaskManagerState {

	/** Registered and sending heartbeats. */
	REGISTERED,
	/** Missed its heartbeats; its slots were removed and its tasks failed. */
	LOST,
	/** Said it leaves (stopped gracefully); its slots were removed and its tasks failed at once. */
	DISCONNECTED

}
