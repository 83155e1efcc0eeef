package org.actorrpc.demo.jobmaster.virtualtime;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.actorrpc.demo.api.Acknowledge;
import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.TaskDeploymentDescriptor;
import org.actorrpc.demo.api.TaskExecutorGateway;

/**
 * A TaskManager that only records what the JobMaster asks of it and acknowledges everything: the
 * tests decide what the tasks report back.
 */
final class FakeTaskExecutor implements TaskExecutorGateway {

	final List<TaskDeploymentDescriptor> deployments = new CopyOnWriteArrayList<>();

	final List<Long> triggeredCheckpoints = new CopyOnWriteArrayList<>();

	final List<ExecutionAttemptId> cancelled = new CopyOnWriteArrayList<>();

	private final String resourceId;

	private final String address;

	FakeTaskExecutor(String resourceId) {
		this.resourceId = resourceId;
		this.address = "pekko://" + resourceId + "@127.0.0.1:6201/user/rpc/taskexecutor";
	}

	String resourceId() {
		return this.resourceId;
	}

	@Override
	public CompletableFuture<Acknowledge> submitTask(TaskDeploymentDescriptor deployment) {
		this.deployments.add(deployment);
		return CompletableFuture.completedFuture(Acknowledge.INSTANCE);
	}

	@Override
	public CompletableFuture<Acknowledge> triggerCheckpoint(ExecutionAttemptId executionId, long checkpointId,
			long timestampMillis) {
		this.triggeredCheckpoints.add(checkpointId);
		return CompletableFuture.completedFuture(Acknowledge.INSTANCE);
	}

	@Override
	public CompletableFuture<Acknowledge> cancelTask(ExecutionAttemptId executionId) {
		this.cancelled.add(executionId);
		return CompletableFuture.completedFuture(Acknowledge.INSTANCE);
	}

	@Override
	public String getAddress() {
		return this.address;
	}

	@Override
	public String getHostname() {
		return "127.0.0.1";
	}

}
