package org.actorrpc.demo.jobmaster.replay;

import java.util.List;
import java.util.stream.Collectors;

import org.actorrpc.demo.api.CheckpointDetails;
import org.actorrpc.demo.api.CheckpointStatus;
import org.actorrpc.demo.api.JobDetails;
import org.actorrpc.demo.api.TaskDetails;

/**
 * Formats the ExecutionGraph state of jobs for a terminal: per job its status and redeployments,
 * per subtask its attempt, state and TaskManager, and the completed checkpoints. Stateless.
 */
final class JobStatePrinter {

	private JobStatePrinter() {
	}

	static String describe(List<JobDetails> jobs) {
		if (jobs.isEmpty()) {
			return "No job yet.";
		}
		StringBuilder out = new StringBuilder();
		for (JobDetails job : jobs) {
			out.append("Job ").append(job.jobId()).append(" (").append(job.name()).append("): ").append(job.status())
				.append(", ").append(job.redeployments()).append(" redeployments\n");
			out.append(String.format("  %-8s %-8s %-10s %s%n", "subtask", "attempt", "state", "taskmanager"));
			for (TaskDetails task : job.tasks()) {
				out.append(String.format("  %-8d %-8d %-10s %s%n", task.subtaskIndex(), task.attemptNumber(),
						task.state(), (task.resourceId() != null) ? task.resourceId() : "-"));
			}
			List<CheckpointDetails> completed = job.checkpoints()
				.stream()
				.filter((checkpoint) -> checkpoint.status() == CheckpointStatus.COMPLETED)
				.toList();
			out.append("  completed checkpoints: ")
				.append(completed.isEmpty() ? "none"
						: completed.stream()
							.map((checkpoint) -> checkpoint.checkpointId() + " (" + checkpoint.acknowledgedTasks() + "/"
									+ checkpoint.totalTasks() + " tasks)")
							.collect(Collectors.joining(", ")))
				.append('\n');
			long aborted = job.checkpoints().stream().filter((c) -> c.status() == CheckpointStatus.ABORTED).count();
			if (aborted > 0) {
				out.append("  aborted checkpoints: ").append(aborted).append('\n');
			}
		}
		return out.toString().stripTrailing();
	}

}
