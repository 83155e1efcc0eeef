/**
 * High availability: leader election and leader retrieval, with Flink's shape.
 *
 * <p>A {@link org.actorrpc.ha.LeaderContender} takes part in the election of one component
 * through a {@link org.actorrpc.ha.LeaderElection}. When it is granted leadership it receives a
 * fresh leader session id, starts serving (typically a
 * {@link org.actorrpc.FencedRpcEndpoint} whose fencing token is that session id) and confirms the
 * session id together with the address it serves on; only then is the leader published. When
 * leadership is revoked it stops serving. A {@link org.actorrpc.ha.LeaderRetrievalListener}
 * registered with a {@link org.actorrpc.ha.LeaderRetrievalService} learns the confirmed
 * {@link org.actorrpc.ha.LeaderInformation} (address and session id) of a component, or that it
 * has no leader, so a caller can connect to the leader with its session id as the fencing token.
 * Calls carrying an older session id are refused by the new leader's endpoint.
 *
 * <p>{@link org.actorrpc.ha.HighAvailabilityServices} hands out both. This package has no
 * dependency on a coordination service: {@link org.actorrpc.ha.StandaloneHighAvailabilityServices}
 * (one fixed leader, nothing to run) is the default when high availability is off; the
 * {@code rpc-ha-zookeeper} module implements the same interfaces on Apache ZooKeeper.
 */
package org.actorrpc.ha;
