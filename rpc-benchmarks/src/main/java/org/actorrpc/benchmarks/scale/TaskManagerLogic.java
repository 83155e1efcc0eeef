package org.actorrpc.benchmarks.scale;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One simulated TaskManager, whichever RPC system carries its messages. Once connected it registers at the
 * ResourceManager, requests one slot per task, registers at the JobMaster and offers its slots; each task the
 * JobMaster submits reports INITIALIZING, then RUNNING. It sends the ResourceManager a heartbeat per interval
 * (timing each and reporting the time with the next), answers the JobMaster's heartbeats, and on a checkpoint
 * trigger sends one acknowledgement per task. Like Flink's TaskExecutor, it tries again to connect when a connection
 * fails ({@link #CONNECT_RETRY_DELAY} later, up to {@link #CONNECT_ATTEMPTS} attempts): hundreds of TaskManagers
 * starting at once may find the JobMaster side too busy to answer every handshake in time.
 *
 * <p>Threading: confined to the TaskManager endpoint's main thread; {@link #deployed()} and {@link #failures()}
 * may be read anywhere.
 */
public final class TaskManagerLogic {

	/** How long a TaskManager waits before it tries to connect again: Flink's cluster.registration.error-delay. */
	public static final Duration CONNECT_RETRY_DELAY = Duration.ofSeconds(10);

	/** Attempts to connect before the TaskManager gives up. */
	public static final int CONNECT_ATTEMPTS = 10;

	private final int index;

	private final ScaleSettings settings;

	private final MainThread mainThread;

	private final String address;

	private final CompletableFuture<Void> deployed = new CompletableFuture<>();

	private JobMasterHandle jobMaster;

	private ResourceManagerHandle resourceManager;

	private int running;

	private long lastHeartbeatNanos = -1;

	/** Written by the main thread only, read by the JVM's report. */
	private volatile long failures;

	/** Written by one connection attempt at a time, read by the JVM's report. */
	private volatile int connectRetries;

	private volatile String firstFailure;

	/**
	 * @param index the TaskManager's index
	 * @param settings the row's settings
	 * @param mainThread its endpoint's main thread
	 * @param address its endpoint's address
	 */
	public TaskManagerLogic(int index, ScaleSettings settings, MainThread mainThread, String address) {
		this.index = index;
		this.settings = settings;
		this.mainThread = mainThread;
		this.address = address;
	}

	/** @return completes when every task runs; fails if registering or a slot request failed */
	public CompletableFuture<Void> deployed() {
		return this.deployed;
	}

	/**
	 * Connects to the JobMaster and the ResourceManager, trying again after {@link #CONNECT_RETRY_DELAY} when either
	 * fails, then registers and offers its slots; {@link #deployed()} fails once {@link #CONNECT_ATTEMPTS} failed.
	 * @param jobMaster connects to the JobMaster
	 * @param resourceManager connects to the ResourceManager
	 */
	public void connect(Supplier<CompletableFuture<? extends JobMasterHandle>> jobMaster,
			Supplier<CompletableFuture<? extends ResourceManagerHandle>> resourceManager) {
		connect(jobMaster, resourceManager, 1);
	}

	private void connect(Supplier<CompletableFuture<? extends JobMasterHandle>> jobMaster,
			Supplier<CompletableFuture<? extends ResourceManagerHandle>> resourceManager, int attempt) {
		CompletableFuture<? extends ResourceManagerHandle> resourceManagerConnected = resourceManager.get();
		jobMaster.get().thenAcceptBothAsync(resourceManagerConnected, this::register, this.mainThread)
			.exceptionally((failure) -> {
				if (attempt < CONNECT_ATTEMPTS) {
					this.connectRetries++;
					this.mainThread.schedule(() -> connect(jobMaster, resourceManager, attempt + 1),
							CONNECT_RETRY_DELAY);
				}
				else {
					this.deployed.completeExceptionally(new IllegalStateException("TaskManager " + this.index
							+ " could not connect in " + attempt + " attempts: " + failure, failure));
				}
				return null;
			});
	}

	/** @return how often this TaskManager tried again to connect */
	public int connectRetries() {
		return this.connectRetries;
	}

	/** Registers and offers slots; runs on the main thread once both gateways are connected. */
	private void register(JobMasterHandle jobMaster, ResourceManagerHandle resourceManager) {
		this.jobMaster = jobMaster;
		this.resourceManager = resourceManager;
		resourceManager.registerTaskExecutor(this.index, this.address)
			.thenComposeAsync((ok) -> {
				require(ok, "the ResourceManager refused the registration");
				this.mainThread.schedule(this::heartbeat, this.settings.heartbeatInterval());
				CompletableFuture<?>[] slots = new CompletableFuture<?>[this.settings.tasksPerTaskManager()];
				for (int slot = 0; slot < slots.length; slot++) {
					int requested = slot;
					slots[slot] = resourceManager.requestSlot(this.index, slot)
						.thenAccept((granted) -> require(granted, "slot " + requested + " was not granted"));
				}
				return CompletableFuture.allOf(slots);
			}, this.mainThread)
			.thenComposeAsync((ignored) -> jobMaster.registerTaskManager(this.index, this.address), this.mainThread)
			.thenComposeAsync((ok) -> {
				require(ok, "the JobMaster refused the registration");
				return jobMaster.offerSlots(this.index, this.settings.tasksPerTaskManager());
			}, this.mainThread)
			.whenCompleteAsync((ok, failure) -> {
				if (failure != null || !Boolean.TRUE.equals(ok)) {
					this.deployed.completeExceptionally(new IllegalStateException("TaskManager " + this.index
							+ " did not deploy: " + ((failure != null) ? failure : "its slot offer was refused"),
							failure));
				}
			}, this.mainThread);
	}

	/**
	 * @param task the submitted task
	 * @return whether it was accepted
	 */
	public boolean submitTask(int task) {
		if (task < 0 || task >= this.settings.tasksPerTaskManager()) {
			return false;
		}
		this.jobMaster.updateTaskExecutionState(this.index, task, TaskStates.INITIALIZING)
			.thenComposeAsync((ok) -> {
				require(ok, "the JobMaster refused INITIALIZING of task " + task);
				return this.jobMaster.updateTaskExecutionState(this.index, task, TaskStates.RUNNING);
			}, this.mainThread)
			.whenCompleteAsync((ok, failure) -> {
				if (failure != null || !Boolean.TRUE.equals(ok)) {
					this.deployed.completeExceptionally(new IllegalStateException("task " + this.index + "/" + task
							+ " did not start: " + ((failure != null) ? failure : "RUNNING was refused"), failure));
				}
				else if (++this.running == this.settings.tasksPerTaskManager()) {
					this.deployed.complete(null);
				}
			}, this.mainThread);
		return true;
	}

	/**
	 * Every task acknowledges the checkpoint.
	 * @param checkpointId the checkpoint
	 * @param timestampMillis when it was triggered
	 * @return {@code true}
	 */
	public boolean triggerCheckpoint(long checkpointId, long timestampMillis) {
		for (int task = 0; task < this.settings.tasksPerTaskManager(); task++) {
			this.jobMaster.acknowledgeCheckpoint(this.index, task, checkpointId);
		}
		return true;
	}

	/** @param requestNanos the JobMaster's time, echoed */
	public void heartbeatFromJobManager(long requestNanos) {
		this.jobMaster.heartbeatFromTaskManager(this.index, requestNanos);
	}

	private void heartbeat() {
		long sent = System.nanoTime();
		this.resourceManager.sendHeartbeat(this.index, this.lastHeartbeatNanos).whenCompleteAsync((ok, failure) -> {
			if (failure != null || !Boolean.TRUE.equals(ok)) {
				fail("heartbeat to the ResourceManager failed: " + ((failure != null) ? failure : "unknown"));
				this.lastHeartbeatNanos = -1;
			}
			else {
				this.lastHeartbeatNanos = System.nanoTime() - sent;
			}
			this.mainThread.schedule(this::heartbeat, this.settings.heartbeatInterval());
		}, this.mainThread);
	}

	private void fail(String what) {
		if (this.firstFailure == null) {
			this.firstFailure = "TaskManager " + this.index + ": " + what;
		}
		this.failures++;
	}

	/** @return failures after deployment (failed heartbeats), and the first of them; {@code null} if none */
	public String failures() {
		long count = this.failures;
		return (count == 0) ? null : count + " failure(s), the first: " + this.firstFailure;
	}

	private static void require(Boolean ok, String what) {
		if (!Boolean.TRUE.equals(ok)) {
			throw new IllegalStateException(what);
		}
	}

}
