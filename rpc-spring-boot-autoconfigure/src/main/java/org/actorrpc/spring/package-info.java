/**
 * Annotations and types applications use with the actorrpc Spring Boot starter:
 * {@link org.actorrpc.spring.RpcEndpointComponent}, {@link org.actorrpc.spring.RpcClient} and
 * {@link org.actorrpc.spring.RpcEndpointId}, and the high-availability events
 * {@link org.actorrpc.spring.LeadershipGrantedEvent} and {@link org.actorrpc.spring.LeadershipRevokedEvent}
 * (both a {@link org.actorrpc.spring.LeadershipEvent}) and {@link org.actorrpc.spring.LeaderChangedEvent}.
 */
package org.actorrpc.spring;
