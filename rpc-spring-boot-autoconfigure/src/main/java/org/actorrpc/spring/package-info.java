/**
 * Annotations and types applications use with the actorrpc Spring Boot starter:
 * {@link org.actorrpc.spring.RpcEndpointComponent}, {@link org.actorrpc.spring.RpcClient} and
 * {@link org.actorrpc.spring.RpcEndpointId}.
 */
package org.actorrpc.spring;
