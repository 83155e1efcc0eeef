package org.actorrpc.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Replaces the starter's real {@code RpcService} with a {@link org.actorrpc.test.TestingRpcService}
 * in a Spring Boot test: no actor system, no port. {@code @RpcEndpointComponent} beans start on it
 * when the context starts and stop when it closes; {@code @RpcClient} gateways connect through it
 * (use {@code local:<endpoint-id>} addresses for endpoints of the context, or register a fake at
 * the configured address). Inject the {@code TestingRpcService} bean to drive virtual time,
 * register fakes and inject faults. The service is automatically driven unless a
 * {@code TestingRpcService} bean of your own replaces it.
 *
 * <p>It sets {@code actorrpc.enabled=false} for the test, which keeps the starter from creating
 * its actor system and service, and imports {@link TestingRpcServiceAutoConfiguration}.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureTestingRpcService
 * class JobMasterApplicationTests {
 *
 *     &#64;Autowired
 *     TestingRpcService rpc;
 *     ...
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(TestingRpcServiceAutoConfiguration.class)
@TestPropertySource(properties = "actorrpc.enabled=false")
public @interface AutoConfigureTestingRpcService {

}
