package org.actorrpc.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Injects a gateway proxy for the endpoint configured as {@code actorrpc.clients.<name>.address}.
 * Use it on a field, a setter or a constructor parameter (of a bean or of a {@code @Bean} method)
 * whose type is an {@link org.actorrpc.RpcGateway} interface:
 *
 * <pre class="code">
 * &#64;Service
 * class Scheduler {
 *
 *     private final JobMasterGateway jobMaster;
 *
 *     Scheduler(&#64;RpcClient("jobmaster") JobMasterGateway jobMaster) {
 *         this.jobMaster = jobMaster;
 *     }
 *
 * }
 * </pre>
 *
 * <p>The proxy is a bean (one per client name and gateway type), so it works with {@code final}
 * fields and constructor injection, and it is never {@code null}. Behind it is an rpc-core
 * {@link org.actorrpc.client.ReconnectingGateway}: it connects lazily, on the first call, so the
 * application starts while the remote endpoint is down; once a connect failed, calls fail at once
 * with an {@link org.actorrpc.exceptions.RpcConnectionException} naming the client and its
 * address while it reconnects in the background with back-off. A call that finds the remote gone
 * (unreachable, restarted) makes it reconnect, so a restarted remote is reachable without
 * restarting the caller.
 *
 * <p>For a {@link org.actorrpc.FencedRpcGateway} the proxy also implements
 * {@link org.actorrpc.client.FencedRpcClient}: set the leader's fencing token with
 * {@link org.actorrpc.client.FencedRpcClient#updateFencingToken} before the first call. Or let the
 * client follow a leader-elected endpoint instead of a fixed address:
 * {@code actorrpc.clients.<name>.follow-leader=<endpoint-id>} takes the address and the token
 * (the leader session id, for a {@code FencedRpcGateway<UUID>}) from leader retrieval and renews
 * both on every change; while there is no leader, calls fail at once with "no leader for
 * '&lt;name&gt;'".
 *
 * <p>This annotation is a {@link Qualifier}: the proxies are only injected where it is present,
 * never into plain {@code @Autowired} gateway injection points.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface RpcClient {

	/**
	 * Client name: the key under {@code actorrpc.clients} that holds the address and timeout.
	 * @return the client name
	 */
	String value();

}
