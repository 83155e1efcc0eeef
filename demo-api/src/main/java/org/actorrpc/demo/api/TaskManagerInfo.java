package org.actorrpc.demo.api;

/**
 * A TaskManager known to the ResourceManager.
 *
 * @param resourceId its id
 * @param address RPC address of its TaskExecutor endpoint
 * @param webUrl base URL of its HTTP server
 * @param state registration state
 * @param totalSlots slots it offers
 * @param freeSlots slots not assigned to a task
 * @param registeredAtMillis time of its latest registration, epoch milliseconds
 * @param lastHeartbeatMillis time of its latest heartbeat, epoch milliseconds
 * @param registrations how many times it registered (more than 1 after it came back)
 * @param mailboxDepth mailbox depth reported with its latest heartbeat
 */
public record TaskManagerInfo(String resourceId, String address, String webUrl, TaskManagerState state,
		int totalSlots, int freeSlots, long registeredAtMillis, long lastHeartbeatMillis, int registrations,
		int mailboxDepth) {

}
