package org.actorrpc.ha;

/**
 * Creates the {@link LeaderElection}s of the components of a process. Thread-safe.
 */
public interface LeaderElectionService {

	/**
	 * Creates the participation of one contender in the election of a component. Each component
	 * id has its own leader; several processes contend for the same id.
	 * @param componentId the component, for example {@code "jobmaster"}; letters, digits,
	 * {@code .}, {@code _} and {@code -} only
	 * @return a new, not yet started election
	 * @throws IllegalArgumentException if the component id is invalid
	 * @throws IllegalStateException if the services are closed
	 */
	LeaderElection createLeaderElection(String componentId);

}
