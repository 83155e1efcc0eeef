/**
 * A reconnecting, re-fenceable client for plain Java and the Spring Boot starter alike (API):
 * {@link org.actorrpc.client.ReconnectingGateway} connects lazily, queues calls until the
 * connection exists, reconnects with back-off, renews fencing tokens and can be re-targeted to
 * another endpoint or to none ({@code org.actorrpc.ha.LeaderFollowingGateway} is one that leader
 * retrieval re-targets);
 * {@link org.actorrpc.client.ClientSettings} configures it and
 * {@link org.actorrpc.client.RpcClientView} reports its state.
 */
package org.actorrpc.client;
