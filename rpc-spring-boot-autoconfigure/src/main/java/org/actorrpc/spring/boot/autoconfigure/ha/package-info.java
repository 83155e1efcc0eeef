/**
 * High availability in the starter: the {@link org.actorrpc.ha.HighAvailabilityServices} bean
 * ({@code actorrpc.ha.*}), leader-elected {@code @RpcEndpointComponent}s, {@code @RpcClient}s
 * that follow a leader, and their leadership state for health, Actuator and metrics.
 */
package org.actorrpc.spring.boot.autoconfigure.ha;
