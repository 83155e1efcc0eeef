package org.actorrpc.demo.jobmaster.ha;

import java.util.List;

import org.actorrpc.demo.api.JobGraph;

/**
 * Where a leader keeps what a successor needs to take its jobs over: the graphs of the submitted
 * jobs (Flink's JobGraphStore) and each job's last completed checkpoint (Flink's
 * CompletedCheckpointStore). One instance belongs to one leader session; writes of a session that
 * no longer leads fail and change nothing.
 *
 * <p>Methods block on I/O: call them off endpoints' main threads (the {@link JobStoreWriter} does).
 * Implementations are thread-safe.
 */
public interface JobStore {

	/**
	 * Persists a submitted job.
	 * @param jobGraph the job
	 * @throws Exception if it could not be written, or the session no longer leads
	 */
	void putJobGraph(JobGraph jobGraph) throws Exception;

	/**
	 * Persists a job's newest completed checkpoint; it replaces the previous one.
	 * @param checkpoint the checkpoint
	 * @throws Exception if it could not be written, or the session no longer leads
	 */
	void addCheckpoint(CompletedCheckpoint checkpoint) throws Exception;

	/**
	 * Forgets a job that reached a terminal status, with its checkpoint: it is not recovered.
	 * @param jobId the job
	 * @throws Exception if it could not be removed, or the session no longer leads
	 */
	void removeJob(String jobId) throws Exception;

	/**
	 * Reads every job still stored, with its last completed checkpoint, in submission order.
	 * @return the jobs
	 * @throws Exception if the store could not be read
	 */
	List<RecoveredJob> recoverJobs() throws Exception;

}
