package org.actorrpc.testutil;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * JUnit extension that creates {@link PekkoRpcService}s on 127.0.0.1, port 0, each with a unique
 * system name, and always closes them (and any other registered resource) newest first, with
 * bounded waits, even when the test failed: what a test creates is closed after that test; what a
 * {@code @BeforeAll} method creates (extension registered on a static field) is closed after the
 * class, so expensive services can be shared by the tests of a class. {@link #pair} creates the
 * server and client services most remote tests need. Register it with {@code @RegisterExtension}.
 * Public API only. Not thread-safe: create services from the test thread.
 */
public final class RpcServices implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

	private final Deque<AutoCloseable> testResources = new ArrayDeque<>();

	private final Deque<AutoCloseable> classResources = new ArrayDeque<>();

	private boolean inTest;

	/**
	 * Returns settings for a new service: a unique system name, host 127.0.0.1, port 0.
	 * @param prefix start of the system name
	 * @return a builder
	 */
	public PekkoRpcServiceSettings.Builder settings(String prefix) {
		return PekkoRpcServiceSettings.builder()
			.systemName(uniqueName(prefix))
			.host("127.0.0.1")
			.port(0)
			.shutdownTimeout(Duration.ofSeconds(10));
	}

	/**
	 * Returns a system name that no other service of this JVM uses.
	 * @param prefix start of the name
	 * @return the name
	 */
	public static String uniqueName(String prefix) {
		return prefix + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
	}

	/**
	 * Creates a service with default test settings.
	 * @param prefix start of the system name
	 * @return the started service
	 */
	public PekkoRpcService create(String prefix) {
		return create(prefix, UnaryOperator.identity());
	}

	/**
	 * Creates a service with customised test settings.
	 * @param prefix start of the system name
	 * @param customizer changes to the default test settings
	 * @return the started service
	 */
	public PekkoRpcService create(String prefix, UnaryOperator<PekkoRpcServiceSettings.Builder> customizer) {
		return create(customizer.apply(settings(prefix)).build());
	}

	/**
	 * Creates a service from the given settings and closes it after the test.
	 * @param settings the settings
	 * @return the started service
	 */
	public PekkoRpcService create(PekkoRpcServiceSettings settings) {
		PekkoRpcService service = new PekkoRpcService(settings);
		scope().push(() -> closeService(service));
		return service;
	}

	/**
	 * Creates a server service and a client service with default test settings.
	 * @return the pair
	 */
	public RpcServicePair pair() {
		return pair(UnaryOperator.identity());
	}

	/**
	 * Creates a server service and a client service, both with the same changes to the default
	 * test settings (a frame size, an ask timeout, serializable classes...).
	 * @param customizer changes applied to both services' settings
	 * @return the pair
	 */
	public RpcServicePair pair(UnaryOperator<PekkoRpcServiceSettings.Builder> customizer) {
		return pair(customizer, customizer);
	}

	/**
	 * Creates a server service and a client service, each with its own changes to the default
	 * test settings.
	 * @param serverCustomizer changes to the server's settings
	 * @param clientCustomizer changes to the client's settings
	 * @return the pair
	 */
	public RpcServicePair pair(UnaryOperator<PekkoRpcServiceSettings.Builder> serverCustomizer,
			UnaryOperator<PekkoRpcServiceSettings.Builder> clientCustomizer) {
		PekkoRpcService server = create("server", serverCustomizer);
		PekkoRpcService client = create("client", clientCustomizer);
		return new RpcServicePair(server, client);
	}

	/**
	 * Closes the resource after the test (before the services created earlier).
	 * @param resource the resource
	 * @param <T> its type
	 * @return the resource
	 */
	public <T extends AutoCloseable> T register(T resource) {
		scope().push(resource);
		return resource;
	}

	private Deque<AutoCloseable> scope() {
		return this.inTest ? this.testResources : this.classResources;
	}

	private static void closeService(PekkoRpcService service) throws Exception {
		try {
			service.closeAsync().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			// Some tests close services whose endpoints failed on purpose: the service is still
			// shut down, only its termination future reports the endpoint failure.
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.inTest = true;
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		this.inTest = false;
		closeAll(this.testResources);
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		closeAll(this.classResources);
	}

	private static void closeAll(Deque<AutoCloseable> resources) throws Exception {
		Exception first = null;
		while (!resources.isEmpty()) {
			try {
				resources.pop().close();
			}
			catch (Exception ex) {
				if (first == null) {
					first = ex;
				}
				else {
					first.addSuppressed(ex);
				}
			}
		}
		if (first != null) {
			throw first;
		}
	}

}
