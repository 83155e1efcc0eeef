package org.actorrpc.benchmarks.scale;

/**
 * The ResourceManager of the simulated cluster, whichever RPC system carries its messages: it registers
 * TaskManagers, grants their slot requests and answers their heartbeats, recording the round trips they report.
 *
 * <p>Threading: confined to the ResourceManager endpoint's main thread.
 */
public final class ResourceManagerLogic {

	private final ScaleSettings settings;

	private final boolean[] registered;

	private final Latencies heartbeatRoundTrips = new Latencies();

	private long slotRequests;

	private boolean recording;

	private long anomalies;

	private String firstAnomaly;

	/** @param settings the row's settings */
	public ResourceManagerLogic(ScaleSettings settings) {
		this.settings = settings;
		this.registered = new boolean[settings.taskManagers()];
	}

	/**
	 * @param taskManager its index
	 * @param address its address
	 * @return whether it was registered (in range, first registration)
	 */
	public boolean registerTaskExecutor(int taskManager, String address) {
		if (taskManager < 0 || taskManager >= this.registered.length || this.registered[taskManager]) {
			anomaly("TaskManager " + taskManager + " at " + address + " registered twice or out of range");
			return false;
		}
		this.registered[taskManager] = true;
		return true;
	}

	/**
	 * @param taskManager the requesting TaskManager
	 * @param slot the slot
	 * @return whether the slot was granted
	 */
	public boolean requestSlot(int taskManager, int slot) {
		this.slotRequests++;
		boolean granted = isRegistered(taskManager) && slot >= 0 && slot < this.settings.tasksPerTaskManager();
		if (!granted) {
			anomaly("slot " + slot + " requested by unregistered or unknown TaskManager " + taskManager);
		}
		return granted;
	}

	/**
	 * @param taskManager the TaskManager
	 * @param previousRoundTripNanos its previous heartbeat's round trip, or -1
	 * @return whether the TaskManager is registered
	 */
	public boolean sendHeartbeat(int taskManager, long previousRoundTripNanos) {
		if (this.recording && previousRoundTripNanos >= 0) {
			this.heartbeatRoundTrips.add(previousRoundTripNanos);
		}
		return isRegistered(taskManager);
	}

	/** @param recording whether to record reported heartbeat round trips from now on */
	public void record(boolean recording) {
		this.recording = recording;
	}

	private boolean isRegistered(int taskManager) {
		return taskManager >= 0 && taskManager < this.registered.length && this.registered[taskManager];
	}

	private void anomaly(String what) {
		this.anomalies++;
		if (this.firstAnomaly == null) {
			this.firstAnomaly = what;
		}
	}

	/** @return what was recorded, and what went wrong */
	public Report report() {
		return new Report(this.heartbeatRoundTrips.sortedCopy(), this.slotRequests,
				(this.anomalies == 0) ? null : this.anomalies + " anomaly(ies), the first: " + this.firstAnomaly);
	}

	/**
	 * What the ResourceManager recorded.
	 * @param heartbeatRoundTrips round trips the TaskManagers reported while recording, nanoseconds, sorted
	 * @param slotRequests slot requests received
	 * @param anomalies what went wrong, {@code null} if nothing
	 */
	public record Report(long[] heartbeatRoundTrips, long slotRequests, String anomalies) {
	}

}
