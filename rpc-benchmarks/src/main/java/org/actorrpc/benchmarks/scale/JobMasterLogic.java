package org.actorrpc.benchmarks.scale;

import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;

/**
 * The JobMaster of the simulated cluster, whichever RPC system carries its messages. It registers TaskManagers,
 * accepts their slot offers and submits one task per slot, counts task state updates until every task runs,
 * sends every TaskManager a heartbeat per interval and times the answers, and runs checkpoints: one trigger per
 * TaskManager (covering its tasks, as the sources of a job are triggered and barriers reach the rest), then one
 * acknowledgement per task. One checkpoint runs at a time; the next is triggered an interval after the previous
 * trigger, or at once when the previous took longer.
 *
 * <p>An acknowledgement costs a range check, a bit and a counter: no allocation beyond the message. One that
 * repeats another, names an unknown task or another checkpoint, a refused trigger, and a checkpoint without all
 * its acknowledgements after {@link #CHECKPOINT_TIMEOUT} are anomalies: they fail the row.
 *
 * <p>Threading: confined to the JobMaster endpoint's main thread (no locks); {@link #deployed()} may be read
 * anywhere.
 */
public final class JobMasterLogic {

	/** How long a checkpoint may wait for its acknowledgements before the row fails. */
	public static final Duration CHECKPOINT_TIMEOUT = Duration.ofSeconds(60);

	private final ScaleSettings settings;

	private final MainThread mainThread;

	private final TaskManagerHandle[] handles;

	private final CompletableFuture<Void> deployed = new CompletableFuture<>();

	private final BitSet acknowledged;

	private final Latencies checkpointRoundTrips = new Latencies();

	private final Latencies heartbeatRoundTrips = new Latencies();

	private int registered;

	private long running;

	private boolean recording;

	private boolean checkpointing;

	private CompletableFuture<Void> stopped;

	private long checkpointId;

	private boolean checkpointRunning;

	private boolean checkpointRecorded;

	private long triggerNanos;

	private int acknowledgements;

	private long recordedCheckpoints;

	private long recordedAcknowledgements;

	private long anomalies;

	private String firstAnomaly;

	/**
	 * @param settings the row's settings
	 * @param mainThread the JobMaster endpoint's main thread
	 */
	public JobMasterLogic(ScaleSettings settings, MainThread mainThread) {
		this.settings = settings;
		this.mainThread = mainThread;
		this.handles = new TaskManagerHandle[settings.taskManagers()];
		this.acknowledged = new BitSet(settings.acknowledgementsPerCheckpoint());
	}

	/** Starts the heartbeat loop; called once the endpoint runs. */
	public void start() {
		this.mainThread.schedule(this::heartbeatTick, this.settings.heartbeatInterval());
	}

	/** @return completes when every TaskManager registered and every task reported RUNNING */
	public CompletableFuture<Void> deployed() {
		return this.deployed;
	}

	/**
	 * @param taskManager its index
	 * @param handle how to reach it
	 * @return whether it was registered (in range, not registered before)
	 */
	public boolean registerTaskManager(int taskManager, TaskManagerHandle handle) {
		if (!isTaskManager(taskManager) || this.handles[taskManager] != null) {
			anomaly("TaskManager " + taskManager + " registered twice or out of range");
			return false;
		}
		this.handles[taskManager] = handle;
		this.registered++;
		return true;
	}

	/**
	 * Accepts a TaskManager's slots and submits one task into each.
	 * @param taskManager the offering TaskManager
	 * @param slots slots offered
	 * @return whether the offer was accepted
	 */
	public boolean offerSlots(int taskManager, int slots) {
		if (!isTaskManager(taskManager) || this.handles[taskManager] == null
				|| slots != this.settings.tasksPerTaskManager()) {
			anomaly("TaskManager " + taskManager + " offered " + slots + " slot(s) unregistered or out of range");
			return false;
		}
		TaskManagerHandle handle = this.handles[taskManager];
		for (int task = 0; task < slots; task++) {
			int submitted = task;
			handle.submitTask(task).whenCompleteAsync((accepted, failure) -> {
				if (failure != null || !Boolean.TRUE.equals(accepted)) {
					anomaly("task " + taskManager + "/" + submitted + " was not deployed: "
							+ ((failure != null) ? failure : accepted));
				}
			}, this.mainThread);
		}
		return true;
	}

	/**
	 * @param taskManager the task's TaskManager
	 * @param task the task
	 * @param state its new state
	 * @return whether the update was accepted
	 */
	public boolean updateTaskExecutionState(int taskManager, int task, int state) {
		if (!isTask(taskManager, task) || (state != TaskStates.INITIALIZING && state != TaskStates.RUNNING)) {
			anomaly("state " + state + " of unknown task " + taskManager + "/" + task);
			return false;
		}
		if (state == TaskStates.RUNNING && ++this.running == this.settings.acknowledgementsPerCheckpoint()
				&& this.registered == this.settings.taskManagers()) {
			this.deployed.complete(null);
		}
		return true;
	}

	/** Starts periodic checkpoints; call after {@link #deployed()} completed. */
	public void startCheckpointing() {
		this.checkpointing = true;
		trigger();
	}

	/**
	 * Records checkpoint and heartbeat round trips from now on, or stops recording them.
	 * @param recording whether to record
	 */
	public void record(boolean recording) {
		this.recording = recording;
	}

	/** @return completes once no checkpoint runs and no more will be triggered */
	public CompletableFuture<Void> stopCheckpointing() {
		this.checkpointing = false;
		this.stopped = new CompletableFuture<>();
		if (!this.checkpointRunning) {
			this.stopped.complete(null);
		}
		return this.stopped;
	}

	private void trigger() {
		long id = ++this.checkpointId;
		this.acknowledged.clear();
		this.acknowledgements = 0;
		this.checkpointRunning = true;
		this.checkpointRecorded = this.recording;
		this.triggerNanos = System.nanoTime();
		long timestamp = System.currentTimeMillis();
		for (int taskManager = 0; taskManager < this.handles.length; taskManager++) {
			int triggered = taskManager;
			this.handles[taskManager].triggerCheckpoint(id, timestamp).whenCompleteAsync((accepted, failure) -> {
				if (failure != null || !Boolean.TRUE.equals(accepted)) {
					anomaly("TaskManager " + triggered + " refused the trigger of checkpoint " + id + ": "
							+ ((failure != null) ? failure : accepted));
				}
			}, this.mainThread);
		}
		this.mainThread.schedule(() -> expire(id), CHECKPOINT_TIMEOUT);
	}

	/**
	 * A task's acknowledgement.
	 * @param taskManager the task's TaskManager
	 * @param task the task
	 * @param id the checkpoint
	 */
	public void acknowledgeCheckpoint(int taskManager, int task, long id) {
		if (id != this.checkpointId || !this.checkpointRunning || !isTask(taskManager, task)) {
			anomaly("acknowledgement of checkpoint " + id + " from task " + taskManager + "/" + task + " while "
					+ this.checkpointId + ((this.checkpointRunning) ? " runs" : " is over"));
			return;
		}
		int slot = taskManager * this.settings.tasksPerTaskManager() + task;
		if (this.acknowledged.get(slot)) {
			anomaly("task " + taskManager + "/" + task + " acknowledged checkpoint " + id + " twice");
			return;
		}
		this.acknowledged.set(slot);
		if (++this.acknowledgements == this.settings.acknowledgementsPerCheckpoint()) {
			completed();
		}
	}

	private void completed() {
		long now = System.nanoTime();
		this.checkpointRunning = false;
		if (this.checkpointRecorded) {
			this.checkpointRoundTrips.add(now - this.triggerNanos);
			this.recordedCheckpoints++;
			this.recordedAcknowledgements += this.acknowledgements;
		}
		if (!this.checkpointing) {
			if (this.stopped != null) {
				this.stopped.complete(null);
			}
			return;
		}
		long wait = this.settings.checkpointInterval().toNanos() - (now - this.triggerNanos);
		if (wait <= 0) {
			trigger();
		}
		else {
			this.mainThread.schedule(this::triggerIfCheckpointing, Duration.ofNanos(wait));
		}
	}

	private void triggerIfCheckpointing() {
		if (this.checkpointing && !this.checkpointRunning) {
			trigger();
		}
		else if (this.stopped != null) {
			this.stopped.complete(null);
		}
	}

	private void expire(long id) {
		if (this.checkpointRunning && this.checkpointId == id) {
			int missing = this.acknowledged.nextClearBit(0);
			anomaly("checkpoint " + id + " got " + this.acknowledgements + " of "
					+ this.settings.acknowledgementsPerCheckpoint() + " acknowledgements within " + CHECKPOINT_TIMEOUT
					+ "; the first missing: task " + (missing / this.settings.tasksPerTaskManager()) + "/"
					+ (missing % this.settings.tasksPerTaskManager()));
			this.checkpointRunning = false;
			this.checkpointing = false;
			if (this.stopped != null) {
				this.stopped.complete(null);
			}
		}
	}

	private void heartbeatTick() {
		long now = System.nanoTime();
		for (TaskManagerHandle handle : this.handles) {
			if (handle != null) {
				handle.heartbeatFromJobManager(now);
			}
		}
		this.mainThread.schedule(this::heartbeatTick, this.settings.heartbeatInterval());
	}

	/**
	 * A TaskManager's answer to a heartbeat.
	 * @param taskManager the TaskManager
	 * @param requestNanos the request's time, echoed
	 */
	public void heartbeatFromTaskManager(int taskManager, long requestNanos) {
		if (this.recording) {
			this.heartbeatRoundTrips.add(System.nanoTime() - requestNanos);
		}
	}

	private boolean isTaskManager(int taskManager) {
		return taskManager >= 0 && taskManager < this.handles.length;
	}

	private boolean isTask(int taskManager, int task) {
		return isTaskManager(taskManager) && task >= 0 && task < this.settings.tasksPerTaskManager();
	}

	private void anomaly(String what) {
		this.anomalies++;
		if (this.firstAnomaly == null) {
			this.firstAnomaly = what;
		}
	}

	/** @return what was recorded, and what went wrong */
	public Report report() {
		return new Report(this.checkpointRoundTrips.sortedCopy(), this.recordedCheckpoints,
				this.recordedAcknowledgements, this.heartbeatRoundTrips.sortedCopy(),
				(this.anomalies == 0) ? null : this.anomalies + " anomaly(ies), the first: " + this.firstAnomaly,
				"checkpoint " + this.checkpointId + ": " + this.acknowledgements + " of "
						+ this.settings.acknowledgementsPerCheckpoint() + " acknowledgement(s); " + this.registered
						+ " of " + this.handles.length + " TaskManager(s) registered, " + this.running
						+ " task(s) running");
	}

	/**
	 * What the JobMaster recorded.
	 * @param checkpointRoundTrips recorded checkpoints' round trips, nanoseconds, sorted
	 * @param checkpoints recorded checkpoints
	 * @param acknowledgements their acknowledgements
	 * @param heartbeatRoundTrips recorded heartbeat round trips, nanoseconds, sorted
	 * @param anomalies what went wrong, {@code null} if nothing
	 * @param progress where the simulation stands, for a failure message
	 */
	public record Report(long[] checkpointRoundTrips, long checkpoints, long acknowledgements,
			long[] heartbeatRoundTrips, String anomalies, String progress) {
	}

}
