package org.actorrpc.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Marks an {@link org.actorrpc.RpcEndpoint} subclass as a Spring component hosted by the
 * auto-configured {@link org.actorrpc.RpcService}.
 *
 * <p>The class is an ordinary bean: it registers itself with the service through its constructor
 * (inject the {@code RpcService} bean and pass it to {@code super}), and may inject any other
 * bean, including {@link RpcClient @RpcClient} gateways. The starter
 * <ul>
 * <li>starts the endpoint once the application context has been refreshed, and</li>
 * <li>closes it when the context closes, in the reverse order of starting, waiting for its
 * {@code onStop()} future (bounded by {@code actorrpc.shutdown.grace-period}) before the RPC
 * service and then the actor system shut down.</li>
 * </ul>
 *
 * <p>The endpoint id, the last element of the endpoint's address, is, in this order:
 * <ol>
 * <li>{@link #value()}, if given (it is also the bean name);</li>
 * <li>otherwise the id the endpoint passes to the {@code RpcEndpoint} constructor, for example
 * {@code super(rpcService, "greetings")};</li>
 * <li>otherwise the bean's default id: its bean name, except that a name Spring derives from the
 * class (component scanning, {@code @Import}) is replaced by the decapitalized simple class name,
 * {@code greeterEndpoint} for {@code GreeterEndpoint}, nested or not.</li>
 * </ol>
 * To use the annotation value or the default id, declare a constructor parameter of type
 * {@link RpcEndpointId} and call {@code super(rpcService, endpointId.value())}. Startup fails, with
 * a report naming both sides, only on a real conflict: a value that differs from the id passed to
 * the constructor, or two endpoints with one id. An endpoint that passes no id at all
 * ({@code super(rpcService)}, which makes up a random id) is refused too, so that the addresses
 * clients are configured with never silently point nowhere.
 *
 * <p>With {@link #leaderElected() leaderElected = true}, the endpoint takes part in the leader
 * election of its endpoint id (see {@code actorrpc.ha.*}): it must extend
 * {@link org.actorrpc.FencedRpcEndpoint FencedRpcEndpoint&lt;UUID&gt;} and be created without a
 * token ({@code super(rpcService, endpointId)}). It contends once the context has started (after
 * the endpoint started), serves with the leader session id as its fencing token while it leads,
 * refuses every call from the moment leadership is revoked, and hears about both on its main
 * thread when it implements {@link org.actorrpc.ha.LeadershipListener}; a
 * {@link LeadershipGrantedEvent} or {@link LeadershipRevokedEvent} is published after each.
 * When the context closes it withdraws from the election first (so that a standby takes over at
 * once), then stops.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface RpcEndpointComponent {

	/**
	 * Endpoint id, also used as the bean name. Empty to use the id passed to the
	 * {@code RpcEndpoint} constructor, or the default id.
	 * @return the endpoint id
	 */
	@AliasFor(annotation = Component.class)
	String value() default "";

	/**
	 * Whether the endpoint is leader-elected: it contends for the leadership of its endpoint id
	 * and its fencing token is the leader session id while it leads. Requires a
	 * {@code FencedRpcEndpoint<UUID>} created without a token.
	 * @return whether the endpoint is leader-elected
	 */
	boolean leaderElected() default false;

}
