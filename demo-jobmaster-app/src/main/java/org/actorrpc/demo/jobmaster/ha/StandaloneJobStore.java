package org.actorrpc.demo.jobmaster.ha;

import java.util.List;

import org.actorrpc.demo.api.JobGraph;

/**
 * The job store without high availability: jobs and checkpoints live only in the JobMaster's
 * memory, as before, and nothing is recovered (there is no successor to recover them). Stateless,
 * so thread-safe.
 */
public final class StandaloneJobStore implements JobStore {

	@Override
	public void putJobGraph(JobGraph jobGraph) {
	}

	@Override
	public void addCheckpoint(CompletedCheckpoint checkpoint) {
	}

	@Override
	public void removeJob(String jobId) {
	}

	@Override
	public List<RecoveredJob> recoverJobs() {
		return List.of();
	}

}
