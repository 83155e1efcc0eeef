package org.actorrpc.demo.jobmaster.execution;

/**
 * A job running in the JobMaster: its execution graph and its checkpoint coordinator. Confined to
 * the JobMaster's main thread.
 *
 * @param graph the execution graph
 * @param checkpoints the checkpoint coordinator
 */
record JobExecution(ExecutionGraph graph, CheckpointCoordinator checkpoints) {

}
