package org.actorrpc.benchmarks.scale;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.actorrpc.benchmarks.scale.actorrpc.ActorRpcScalePeer;
import org.apache.flink.benchmark.scale.FlinkScalePeer;

/**
 * One RPC system running the simulated cluster: the JobMaster side (a JobMaster and a ResourceManager endpoint on
 * one service) and TaskManagers, each on its own service, so each has its own connection. Implementations are
 * stateless; what they start is closed by its {@code close()}.
 */
public interface ScalePeer {

	/** @return the id used on command lines: {@code actorrpc} or {@code flink} */
	String id();

	/**
	 * Starts the JobMaster side.
	 * @param settings the row's settings
	 * @return the running side
	 * @throws Exception if it cannot start
	 */
	JobMasterSide startJobMasterSide(ScaleSettings settings) throws Exception;

	/**
	 * Prepares this JVM to host TaskManagers (Flink's RPC system is loaded once per JVM, as a TaskManager process
	 * loads it once).
	 * @return the host; closing it closes its TaskManagers
	 * @throws Exception if it cannot be prepared
	 */
	TaskManagerHost startTaskManagerHost() throws Exception;

	/**
	 * @param id {@code actorrpc} or {@code flink}
	 * @return that peer
	 * @throws IllegalArgumentException naming the choices if the id is unknown
	 */
	static ScalePeer of(String id) {
		return switch (id) {
			case "actorrpc" -> new ActorRpcScalePeer();
			case "flink" -> new FlinkScalePeer();
			default -> throw new IllegalArgumentException("unknown scale peer '" + id + "': use actorrpc or flink");
		};
	}

	/** The started JobMaster side; every method may be called from any thread. */
	interface JobMasterSide extends AutoCloseable {

		/** @return the JobMaster endpoint's address */
		String jobMasterAddress();

		/** @return the ResourceManager endpoint's address */
		String resourceManagerAddress();

		/**
		 * Runs an action on the JobMaster's main thread.
		 * @param action what to do with its logic
		 * @param <T> the result type
		 * @return the action's result
		 */
		<T> CompletableFuture<T> onJobMaster(Function<JobMasterLogic, T> action);

		/**
		 * Runs an action on the ResourceManager's main thread.
		 * @param action what to do with its logic
		 * @param <T> the result type
		 * @return the action's result
		 */
		<T> CompletableFuture<T> onResourceManager(Function<ResourceManagerLogic, T> action);

		/** @return messages queued for the JobMaster endpoint now, not counting the one being processed */
		int jobMasterMailboxDepth();

	}

	/** Hosts TaskManagers in this JVM. */
	interface TaskManagerHost extends AutoCloseable {

		/**
		 * Starts one TaskManager on a service of its own; it connects and deploys by itself.
		 * @param index its index
		 * @param settings the row's settings
		 * @param jobMasterAddress the JobMaster endpoint's address
		 * @param resourceManagerAddress the ResourceManager endpoint's address
		 * @return its logic, whose {@link TaskManagerLogic#deployed()} tells when it runs its tasks
		 * @throws Exception if its service cannot start
		 */
		TaskManagerLogic start(int index, ScaleSettings settings, String jobMasterAddress,
				String resourceManagerAddress) throws Exception;

	}

}
