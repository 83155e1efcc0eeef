package org.actorrpc.demo.jobmaster.ha;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.demo.api.JobGraph;

/**
 * Runs the writes of a leader session's {@link JobStore} on the process's store thread, so that
 * endpoints' main threads never block on ZooKeeper or the file system, and writes happen in the
 * order they were asked for. Thread-safe; the returned futures complete on the store thread.
 */
public final class JobStoreWriter {

	private static final Logger logger = LoggerFactory.getLogger(JobStoreWriter.class);

	private final JobStore store;

	private final Executor storeThread;

	/**
	 * Creates the writer.
	 * @param store the session's store
	 * @param storeThread a single thread that runs the writes in order
	 */
	public JobStoreWriter(JobStore store, Executor storeThread) {
		this.store = store;
		this.storeThread = storeThread;
	}

	/**
	 * A writer for a store that keeps nothing, running writes in the caller's thread.
	 * @return the writer
	 */
	public static JobStoreWriter standalone() {
		return new JobStoreWriter(new StandaloneJobStore(), Runnable::run);
	}

	/**
	 * Persists a submitted job.
	 * @param jobGraph the job
	 * @return completes once written; fails when it could not be
	 */
	public CompletableFuture<Void> putJobGraph(JobGraph jobGraph) {
		return CompletableFuture.runAsync(() -> run(() -> this.store.putJobGraph(jobGraph)), this.storeThread);
	}

	/**
	 * Persists a completed checkpoint; a failure is logged (the previous checkpoint stays the one
	 * a successor restores from).
	 * @param checkpoint the checkpoint
	 * @return completes once written; fails when it could not be
	 */
	public CompletableFuture<Void> addCheckpoint(CompletedCheckpoint checkpoint) {
		return CompletableFuture.runAsync(() -> run(() -> this.store.addCheckpoint(checkpoint)), this.storeThread)
			.whenComplete((done, failure) -> {
				if (failure != null) {
					logger.warn("Checkpoint {} of job {} was not persisted: {}", checkpoint.checkpointId(),
							checkpoint.jobId(), failure.getMessage());
				}
			});
	}

	/**
	 * Forgets a finished job; a failure is logged.
	 * @param jobId the job
	 * @return completes once removed
	 */
	public CompletableFuture<Void> removeJob(String jobId) {
		return CompletableFuture.runAsync(() -> run(() -> this.store.removeJob(jobId)), this.storeThread)
			.whenComplete((done, failure) -> {
				if (failure != null) {
					logger.warn("Job {} was not removed from the job store: {}", jobId, failure.getMessage());
				}
			});
	}

	private static void run(StoreOperation operation) {
		try {
			operation.run();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface StoreOperation {

		void run() throws Exception;

	}

}
