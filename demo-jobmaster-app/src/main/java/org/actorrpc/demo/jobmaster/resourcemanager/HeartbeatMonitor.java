package org.actorrpc.demo.jobmaster.resourcemanager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers when each TaskManager last sent a heartbeat and tells which ones stayed silent for
 * longer than the timeout.
 *
 * <p><b>Threading:</b> confined to the ResourceManager's main thread (plain {@link HashMap}, no
 * locks); every method runs the main-thread check given at construction. The periodic check is
 * scheduled by the ResourceManager with {@code scheduleRunAsync}.
 */
public final class HeartbeatMonitor {

	private final Duration timeout;

	private final Runnable mainThreadCheck;

	private final Map<String, Long> lastHeartbeats = new HashMap<>();

	/**
	 * Creates the monitor.
	 * @param timeout silence after which a TaskManager counts as lost
	 * @param mainThreadCheck throws when not on the main thread
	 */
	public HeartbeatMonitor(Duration timeout, Runnable mainThreadCheck) {
		Objects.requireNonNull(timeout, "timeout");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("heartbeat timeout must be positive, got " + timeout);
		}
		this.timeout = timeout;
		this.mainThreadCheck = Objects.requireNonNull(mainThreadCheck, "mainThreadCheck");
	}

	/**
	 * Starts or refreshes monitoring of a TaskManager.
	 * @param resourceId the TaskManager
	 * @param nowMillis the time of the heartbeat (or registration)
	 */
	public void recordHeartbeat(String resourceId, long nowMillis) {
		this.mainThreadCheck.run();
		this.lastHeartbeats.put(resourceId, nowMillis);
	}

	/**
	 * Stops monitoring a TaskManager.
	 * @param resourceId the TaskManager
	 */
	public void unmonitor(String resourceId) {
		this.mainThreadCheck.run();
		this.lastHeartbeats.remove(resourceId);
	}

	/**
	 * Returns the time of a TaskManager's last heartbeat.
	 * @param resourceId the TaskManager
	 * @return epoch milliseconds, or 0 when not monitored
	 */
	public long lastHeartbeat(String resourceId) {
		this.mainThreadCheck.run();
		return this.lastHeartbeats.getOrDefault(resourceId, 0L);
	}

	/**
	 * Returns the monitored TaskManagers whose last heartbeat is older than the timeout, and stops
	 * monitoring them.
	 * @param nowMillis the current time
	 * @return the TaskManagers to declare lost
	 */
	public List<String> removeExpired(long nowMillis) {
		this.mainThreadCheck.run();
		List<String> expired = new ArrayList<>();
		for (Map.Entry<String, Long> entry : this.lastHeartbeats.entrySet()) {
			if (nowMillis - entry.getValue() > this.timeout.toMillis()) {
				expired.add(entry.getKey());
			}
		}
		for (String resourceId : expired) {
			this.lastHeartbeats.remove(resourceId);
		}
		return expired;
	}

}
