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
 * <p>The endpoint id is {@link #value()}, which is also the bean name; without a value it is the
 * default bean name ({@code jobMasterEndpoint} for {@code JobMasterEndpoint}). The endpoint must
 * register under that id: call {@code super(rpcService, "the-id")} or declare a constructor
 * parameter of type {@link RpcEndpointId} and call {@code super(rpcService, endpointId.value())}.
 * Startup fails when the two differ, so that the addresses clients are configured with never
 * silently point nowhere.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface RpcEndpointComponent {

	/**
	 * Endpoint id, also used as the bean name. Empty for the default bean name.
	 * @return the endpoint id
	 */
	@AliasFor(annotation = Component.class)
	String value() default "";

}
