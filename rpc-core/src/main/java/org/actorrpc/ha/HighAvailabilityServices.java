package org.actorrpc.ha;

/**
 * Leader election and leader retrieval of one cluster, backed by a coordination service (or by
 * nothing, see {@link StandaloneHighAvailabilityServices}). Closing the services revokes every
 * leadership still held through them and stops every retrieval. Thread-safe.
 */
public interface HighAvailabilityServices extends LeaderElectionService, AutoCloseable {

	/**
	 * Creates a service that follows the leader of a component.
	 * @param componentId the component, as passed to {@link #createLeaderElection(String)} by the
	 * contenders
	 * @return a new, not yet started retrieval service
	 * @throws IllegalArgumentException if the component id is invalid
	 * @throws IllegalStateException if the services are closed
	 */
	LeaderRetrievalService createLeaderRetrievalService(String componentId);

	/**
	 * Revokes all leaderships, stops all retrievals and releases the connection to the
	 * coordination service. Idempotent.
	 */
	@Override
	void close();

}
