package org.actorrpc.spring.boot.autoconfigure;

import org.actorrpc.RpcService;
import org.actorrpc.spring.RpcEndpointComponent;
import org.actorrpc.spring.RpcEndpointId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RpcEndpointComponent @RpcEndpointComponent} beans: ids, start after refresh,
 * stop in reverse order before the service closes, bounded by the grace period. The service is a
 * {@link FakeRpcService}; onStop itself is covered by the end-to-end tests.
 */
class RpcEndpointLifecycleTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(RpcServiceAutoConfiguration.class, RpcEndpointAutoConfiguration.class))
		.withBean(RpcService.class, FakeRpcService::new);

	@Test
	void endpointsStartAfterRefreshAndStopInReverseOrderBeforeTheServiceCloses() {
		FakeRpcService[] service = new FakeRpcService[1];
		this.contextRunner.withUserConfiguration(AlphaEndpoint.class, BetaEndpoint.class).run((context) -> {
			assertThat(context).hasNotFailed();
			service[0] = (FakeRpcService) context.getBean(RpcService.class);
			assertThat(service[0].events).containsExactly("register:alpha", "register:beta", "start:alpha",
					"start:beta");
			assertThat(context.getBean(RpcEndpointLifecycle.class).isRunning()).isTrue();
		});
		assertThat(service[0].events).containsExactly("register:alpha", "register:beta", "start:alpha", "start:beta",
				"stop:beta", "stop:alpha", "close-service");
	}

	@Test
	void endpointIdFallsBackToTheBeanName() {
		this.contextRunner.withUserConfiguration(NamelessEndpoint.class).run((context) -> {
			assertThat(context).hasNotFailed();
			String beanName = context.getBeanNamesForType(NamelessEndpoint.class)[0];
			assertThat(context.getBean(NamelessEndpoint.class).getEndpointId()).isEqualTo(beanName);
		});
	}

	@Test
	void annotationValueIsTheBeanName() {
		this.contextRunner.withUserConfiguration(AlphaEndpoint.class)
			.run((context) -> assertThat(context.getBean("alpha")).isInstanceOf(AlphaEndpoint.class));
	}

	@Test
	void endpointRegisteredUnderAnotherIdStopsStartup() {
		this.contextRunner.withUserConfiguration(MismatchedEndpoint.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("registered under id 'other'")
				.hasStackTraceContaining("super(rpcService, \"gamma\")");
		});
	}

	@Test
	void annotationOnAClassThatIsNoEndpointStopsStartup() {
		this.contextRunner.withUserConfiguration(NotAnEndpoint.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("does not extend org.actorrpc.RpcEndpoint");
		});
	}

	@Test
	@Timeout(60)
	void closingDoesNotWaitLongerThanTheGracePeriodForAHangingEndpoint() {
		FakeRpcService service = new FakeRpcService();
		service.hangOnStop.add("alpha");
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(RpcServiceAutoConfiguration.class, RpcEndpointAutoConfiguration.class))
			.withBean(RpcService.class, () -> service)
			.withPropertyValues("actorrpc.shutdown.grace-period=200ms")
			.withUserConfiguration(AlphaEndpoint.class, BetaEndpoint.class)
			.run(ConfigurableApplicationContext::close);
		assertThat(service.events).containsSubsequence("stop:beta", "stop:alpha", "close-service");
	}

	@RpcEndpointComponent("alpha")
	static class AlphaEndpoint extends TestEndpoints.Standalone {

		AlphaEndpoint(RpcService rpcService) {
			super(rpcService, "alpha");
		}

	}

	@RpcEndpointComponent("beta")
	static class BetaEndpoint extends TestEndpoints.Standalone {

		BetaEndpoint(RpcService rpcService, RpcEndpointId endpointId, AlphaEndpoint alpha) {
			super(rpcService, endpointId.value());
		}

	}

	@RpcEndpointComponent
	static class NamelessEndpoint extends TestEndpoints.Standalone {

		NamelessEndpoint(RpcService rpcService, RpcEndpointId endpointId) {
			super(rpcService, endpointId.value());
		}

	}

	@RpcEndpointComponent("gamma")
	static class MismatchedEndpoint extends TestEndpoints.Standalone {

		MismatchedEndpoint(RpcService rpcService) {
			super(rpcService, "other");
		}

	}

	@RpcEndpointComponent("nope")
	static class NotAnEndpoint {

	}

}
