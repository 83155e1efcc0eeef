package org.actorrpc.test;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JUnit 5 extension gives each test its own service and closes it afterwards.
 */
class TestingRpcServiceExtensionTest {

	@Nested
	@ExtendWith(TestingRpcServiceExtension.class)
	class Injected {

		private CounterEndpoint endpoint;

		@AfterEach
		void endpointWasStoppedByTheExtension() {
			// Runs before the extension's afterEach: the service is still open here.
			assertThat(this.endpoint.stopped).isFalse();
		}

		@Test
		void aFreshAutomaticServiceIsInjected(TestingRpcService service) {
			this.endpoint = new CounterEndpoint(service, "counter");
			this.endpoint.start();
			assertThat(service.getDriving()).isEqualTo(TestingRpcService.Driving.AUTOMATIC);
			assertThat(service.getClock().instant()).isEqualTo(TestingRpcService.DEFAULT_START);
			assertThat(service.getEndpointViews()).hasSize(1);
		}

		@Test
		void theNextTestDoesNotSeeTheLastOnesEndpointsOrTime(TestingRpcService service) {
			this.endpoint = new CounterEndpoint(service, "counter");
			service.advanceTime(Duration.ofHours(1));
			assertThat(service.getEndpointViews()).hasSize(1);
		}

	}

	@Nested
	class Registered {

		@RegisterExtension
		final TestingRpcServiceExtension rpc = TestingRpcServiceExtension.manual();

		@Test
		void theRegisteredExtensionMakesTheServiceItWasToldTo() {
			assertThat(this.rpc.getService().getDriving()).isEqualTo(TestingRpcService.Driving.MANUAL);
		}

	}

	@Test
	void theServiceIsClosedAfterTheTest() {
		TestingRpcServiceExtension extension = new TestingRpcServiceExtension();
		extension.beforeEach(null);
		TestingRpcService service = extension.getService();
		CounterEndpoint endpoint = new CounterEndpoint(service, "closed-after");
		endpoint.start();

		extension.afterEach(null);

		assertThat(endpoint.stopped).isTrue();
		assertThat(service.getTerminationFuture()).isCompleted();
		org.assertj.core.api.Assertions.assertThatThrownBy(extension::getService)
			.isInstanceOf(IllegalStateException.class);
	}

}
