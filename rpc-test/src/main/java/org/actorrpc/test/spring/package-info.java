/**
 * Spring Boot test support: {@link org.actorrpc.test.spring.AutoConfigureTestingRpcService} swaps
 * the starter's real RPC service for a {@link org.actorrpc.test.TestingRpcService}. Needs the
 * starter (and spring-test) on the test classpath; rpc-test's other packages do not.
 */
package org.actorrpc.test.spring;
