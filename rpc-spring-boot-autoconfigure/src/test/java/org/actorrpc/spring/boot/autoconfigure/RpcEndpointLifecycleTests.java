package org.actorrpc.spring.boot.autoconfigure;

import org.actorrpc.RpcService;
import org.actorrpc.spring.RpcEndpointComponent;
import org.actorrpc.spring.RpcEndpointId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

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
	void registeredNestedClassWithoutAnyIdGetsItsDecapitalizedSimpleName() {
		this.contextRunner.withUserConfiguration(NamelessEndpoint.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanNamesForType(NamelessEndpoint.class))
				.containsExactly("rpcEndpointLifecycleTests.NamelessEndpoint");
			assertThat(context.getBean(NamelessEndpoint.class).getEndpointId()).isEqualTo("namelessEndpoint");
		});
	}

	@Test
	void importedNestedClassWithoutAnyIdGetsItsDecapitalizedSimpleName() {
		this.contextRunner.withUserConfiguration(ImportsNameless.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanNamesForType(NamelessEndpoint.class))
				.containsExactly(NamelessEndpoint.class.getName());
			assertThat(context.getBean(NamelessEndpoint.class).getEndpointId()).isEqualTo("namelessEndpoint");
		});
	}

	@Test
	void beanNameGivenByTheUserIsTheDefaultId() {
		this.contextRunner
			.withInitializer((context) -> ((BeanDefinitionRegistry) context
				.getBeanFactory()).registerBeanDefinition("reporting",
						new RootBeanDefinition(NamelessEndpoint.class)))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(NamelessEndpoint.class).getEndpointId()).isEqualTo("reporting");
			});
	}

	@Test
	void idPassedToTheConstructorIsTheIdWhenTheAnnotationHasNone() {
		this.contextRunner.withUserConfiguration(ImportsGreeter.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(GreeterEndpoint.class).getEndpointId()).isEqualTo("greetings");
			assertThat(context.getBean(RpcEndpointLifecycle.class).getStartedEndpoints())
				.containsExactly(context.getBean(GreeterEndpoint.class));
		});
	}

	@Test
	void endpointThatPassesNoIdStopsStartupWithTheIdToUse() {
		this.contextRunner.withUserConfiguration(RandomIdEndpoint.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(RpcEndpointIdException.class)
				.hasMessageContaining("bean 'rpcEndpointLifecycleTests.RandomIdEndpoint'")
				.hasMessageContaining("has no id: its constructor called RpcEndpoint(RpcService)")
				.hasMessageContaining("super(rpcService, \"randomIdEndpoint\")");
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
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(RpcEndpointIdException.class)
				.hasMessageContaining("has two different ids: 'gamma' from @RpcEndpointComponent and 'other' passed "
						+ "to the RpcEndpoint constructor")
				.hasMessageContaining("remove the value from @RpcEndpointComponent to use 'other'");
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
	@SuppressWarnings("try") // close() of AutoCloseableAsync declares Exception
	static class AlphaEndpoint extends TestEndpoints.Standalone {

		AlphaEndpoint(RpcService rpcService) {
			super(rpcService, "alpha");
		}

	}

	@RpcEndpointComponent("beta")
	@SuppressWarnings("try") // close() of AutoCloseableAsync declares Exception
	static class BetaEndpoint extends TestEndpoints.Standalone {

		BetaEndpoint(RpcService rpcService, RpcEndpointId endpointId, AlphaEndpoint alpha) {
			super(rpcService, endpointId.value());
		}

	}

	@RpcEndpointComponent
	@SuppressWarnings("try") // close() of AutoCloseableAsync declares Exception
	static class NamelessEndpoint extends TestEndpoints.Standalone {

		NamelessEndpoint(RpcService rpcService, RpcEndpointId endpointId) {
			super(rpcService, endpointId.value());
		}

	}

	@RpcEndpointComponent("gamma")
	@SuppressWarnings("try") // close() of AutoCloseableAsync declares Exception
	static class MismatchedEndpoint extends TestEndpoints.Standalone {

		MismatchedEndpoint(RpcService rpcService) {
			super(rpcService, "other");
		}

	}

	@RpcEndpointComponent
	@SuppressWarnings("try") // close() of AutoCloseableAsync declares Exception
	static class GreeterEndpoint extends TestEndpoints.Standalone {

		GreeterEndpoint(RpcService rpcService) {
			super(rpcService, "greetings");
		}

	}

	@RpcEndpointComponent
	@SuppressWarnings("try") // close() of AutoCloseableAsync declares Exception
	static class RandomIdEndpoint extends TestEndpoints.Standalone {

		RandomIdEndpoint(RpcService rpcService) {
			super(rpcService);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(GreeterEndpoint.class)
	static class ImportsGreeter {

	}

	@Configuration(proxyBeanMethods = false)
	@Import(NamelessEndpoint.class)
	static class ImportsNameless {

	}

	@RpcEndpointComponent("nope")
	static class NotAnEndpoint {

	}

}
