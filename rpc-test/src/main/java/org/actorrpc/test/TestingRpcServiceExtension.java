package org.actorrpc.test;

import java.util.Objects;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that creates a fresh {@link TestingRpcService} before each test and closes it
 * after (every endpoint's {@code onStop} runs), so no test sees another one's endpoints or time.
 *
 * <p>With {@code @ExtendWith(TestingRpcServiceExtension.class)} the service is automatically driven
 * and injected into test and lifecycle method parameters of type {@link TestingRpcService}. Register
 * it as a field to choose the service and reach it from the field:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * final TestingRpcServiceExtension rpc = TestingRpcServiceExtension.manual();
 *
 * &#64;Test
 * void heartbeatTimeout() {
 *     MyEndpoint endpoint = new MyEndpoint(this.rpc.getService());
 *     ...
 * }
 * </pre>
 *
 * One service per test; the extension is not meant for parallel test methods sharing one instance.
 */
public final class TestingRpcServiceExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private final Supplier<TestingRpcService> factory;

	private TestingRpcService service;

	/** Creates the extension with an automatically driven service ({@link TestingRpcService#create()}). */
	public TestingRpcServiceExtension() {
		this(TestingRpcService::create);
	}

	private TestingRpcServiceExtension(Supplier<TestingRpcService> factory) {
		this.factory = factory;
	}

	/**
	 * Returns an extension whose services are manually driven ({@link TestingRpcService#manual()}).
	 * @return the extension
	 */
	public static TestingRpcServiceExtension manual() {
		return new TestingRpcServiceExtension(TestingRpcService::manual);
	}

	/**
	 * Returns an extension whose services the given builder makes; it is built once per test.
	 * @param builder the configured builder
	 * @return the extension
	 */
	public static TestingRpcServiceExtension of(TestingRpcService.Builder builder) {
		Objects.requireNonNull(builder, "builder");
		return new TestingRpcServiceExtension(builder::build);
	}

	/**
	 * Returns the current test's service.
	 * @return the service
	 * @throws IllegalStateException outside a test (before {@code beforeEach} or after {@code afterEach})
	 */
	public TestingRpcService getService() {
		if (this.service == null) {
			throw new IllegalStateException("No TestingRpcService outside a test: the extension creates one before "
					+ "each test and closes it after. Use it from @BeforeEach, @Test or @AfterEach methods.");
		}
		return this.service;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.service = this.factory.get();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		TestingRpcService current = this.service;
		this.service = null;
		if (current != null) {
			current.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == TestingRpcService.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		if (this.service == null) {
			throw new ParameterResolutionException("A TestingRpcService exists only per test method; it cannot be "
					+ "injected into " + parameterContext.getDeclaringExecutable());
		}
		return this.service;
	}

}
