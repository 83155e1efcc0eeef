package org.actorrpc.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.actorrpc.CompositeRpcObserver;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcService;
import org.actorrpc.client.RpcClientView;
import org.actorrpc.pekko.PekkoRpcServiceSettings;
import org.actorrpc.spring.boot.autoconfigure.actuate.ActorRpcEndpoint;
import org.actorrpc.spring.boot.autoconfigure.actuate.ActorRpcEndpointAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.health.ActorRpcHealthContributorAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.health.ActorRpcHealthIndicator;
import org.actorrpc.spring.boot.autoconfigure.metrics.RpcMetricsAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.metrics.RpcMetricsObserver;
import org.actorrpc.spring.boot.autoconfigure.observation.RpcObservationAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.observation.RpcObservationObserver;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for the conditions of the actorrpc auto-configurations. The RPC service is a
 * {@link FakeRpcService} here: no transport is started.
 */
class RpcAutoConfigurationTests {

	private static final AutoConfigurations ALL = AutoConfigurations.of(SslAutoConfiguration.class,
			RpcServiceAutoConfiguration.class, RpcEndpointAutoConfiguration.class, RpcClientAutoConfiguration.class,
			RpcMetricsAutoConfiguration.class, RpcObservationAutoConfiguration.class,
			ActorRpcEndpointAutoConfiguration.class, ActorRpcHealthContributorAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(ALL)
		.withBean(RpcService.class, FakeRpcService::new);

	@Test
	void userDefinedRpcServiceMakesTheAutoConfiguredOneBackOff() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(RpcService.class);
			assertThat(context.getBean(RpcService.class)).isInstanceOf(FakeRpcService.class);
			assertThat(context).hasSingleBean(PekkoRpcServiceSettings.class);
			assertThat(context).hasSingleBean(RpcClients.class);
			assertThat(context).hasSingleBean(RpcEndpointLifecycle.class);
		});
	}

	@Test
	void userDefinedActorSystemMakesTheFactoryBackOff() {
		ActorSystem userSystem = org.mockito.Mockito.mock(ActorSystem.class);
		this.contextRunner.withBean("userActorSystem", ActorSystem.class, () -> userSystem).run((context) -> {
			assertThat(context).hasSingleBean(ActorSystem.class);
			assertThat(context).doesNotHaveBean(ActorSystemFactoryBean.class);
			assertThat(context.getBean(ActorSystem.class)).isSameAs(userSystem);
		});
	}

	@Test
	void userDefinedSettingsAreUsed() {
		PekkoRpcServiceSettings settings = PekkoRpcServiceSettings.builder().systemName("custom").build();
		this.contextRunner.withBean(PekkoRpcServiceSettings.class, () -> settings)
			.run((context) -> assertThat(context.getBean(PekkoRpcServiceSettings.class)).isSameAs(settings));
	}

	@Test
	void whenDisabledNothingIsAutoConfigured() {
		new ApplicationContextRunner().withConfiguration(ALL)
			.withPropertyValues("actorrpc.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(RpcService.class);
				assertThat(context).doesNotHaveBean(PekkoRpcServiceSettings.class);
				assertThat(context).doesNotHaveBean(ActorSystem.class);
				assertThat(context).doesNotHaveBean(RpcClients.class);
				assertThat(context).doesNotHaveBean(RpcEndpointLifecycle.class);
				assertThat(context).doesNotHaveBean(ActorRpcHealthIndicator.class);
			});
	}

	@Test
	void withoutPekkoOnTheClasspathNothingIsAutoConfigured() {
		new ApplicationContextRunner().withConfiguration(ALL)
			.withClassLoader(new FilteredClassLoader(ActorSystem.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(PekkoRpcServiceSettings.class);
				assertThat(context).doesNotHaveBean(RpcClients.class);
			});
	}

	@Test
	void invalidPropertyStopsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("actorrpc.ask-timeout=-1s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidActorRpcPropertyException.class)
				.hasMessageContaining("actorrpc.ask-timeout");
		});
	}

	@Test
	void unknownSslBundleStopsStartup() {
		this.contextRunner.withPropertyValues("actorrpc.ssl.bundle=nope").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Invalid value 'nope' for property 'actorrpc.ssl.bundle'")
				.hasStackTraceContaining("spring.ssl.bundle.jks.nope");
		});
	}

	@Test
	void malformedClientAddressStopsStartupEvenWithoutInjectionPoint() {
		this.contextRunner.withPropertyValues("actorrpc.clients.tm.address=taskmanager:6124").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidActorRpcPropertyException.class)
				.hasMessageContaining("actorrpc.clients.tm.address");
		});
	}

	@Test
	void unparsableDurationIsReportedByTheBinderWithThePropertyName() {
		this.contextRunner.withPropertyValues("actorrpc.clients.tm.timeout=soon").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("actorrpc.clients.tm.timeout");
		});
	}

	@Test
	void metricsObserverIsInstalledWhenAMeterRegistryExists() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasSingleBean(RpcMetricsObserver.class);
			assertThat(context.getBean(PekkoRpcServiceSettings.class).observer())
				.isSameAs(context.getBean(RpcMetricsObserver.class));
		});
	}

	@Test
	void metricsBackOffWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(RpcMetricsObserver.class);
			assertThat(context.getBean(PekkoRpcServiceSettings.class).observer()).isSameAs(RpcObserver.NOOP);
		});
	}

	@Test
	void metricsBackOffWithoutMicrometerOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(RpcMetricsObserver.class);
			});
	}

	@Test
	void metricsAndObservationObserversAreComposed() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> {
				assertThat(context).hasSingleBean(RpcObservationObserver.class);
				RpcObserver observer = context.getBean(PekkoRpcServiceSettings.class).observer();
				assertThat(observer).isInstanceOf(CompositeRpcObserver.class);
				assertThat(((CompositeRpcObserver) observer).getObservers()).containsExactlyInAnyOrder(
						context.getBean(RpcMetricsObserver.class), context.getBean(RpcObservationObserver.class));
			});
	}

	@Test
	void userObserversAreIncluded() {
		RpcObserver mine = new RpcObserver() {
		};
		this.contextRunner.withBean("myObserver", RpcObserver.class, () -> mine)
			.run((context) -> assertThat(context.getBean(PekkoRpcServiceSettings.class).observer()).isSameAs(mine));
	}

	@Test
	void observationBacksOffWithoutMicrometerObservation() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(RpcObservationObserver.class);
			});
	}

	@Test
	void healthIndicatorIsUpUntilAnEndpointFails() {
		this.contextRunner.run((context) -> {
			FakeRpcService service = (FakeRpcService) context.getBean(RpcService.class);
			new TestEndpoints.Standalone(service, "worker");
			HealthIndicator indicator = context.getBean(ActorRpcHealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			service.view("worker").setState(RpcEndpointView.State.FAILED);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(indicator.health().getDetails()).containsKey("failedEndpoints");
		});
	}

	@Test
	void healthIndicatorIsDownOnceTheServiceTerminated() {
		this.contextRunner.run((context) -> {
			FakeRpcService service = (FakeRpcService) context.getBean(RpcService.class);
			HealthIndicator indicator = context.getBean(ActorRpcHealthIndicator.class);
			service.closeAsync();
			assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("management.health.actorrpc.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ActorRpcHealthIndicator.class));
	}

	@Test
	void healthBacksOffWithoutTheHealthModule() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ActorRpcHealthIndicator.class);
		});
	}

	@Test
	void actuatorEndpointIsCreatedWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=actorrpc")
			.run((context) -> assertThat(context).hasSingleBean(ActorRpcEndpoint.class));
	}

	@Test
	void negativeNumberOfActuatorMessagesStopsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=actorrpc",
					"actorrpc.flight-recorder.actuator-messages=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidActorRpcPropertyException.class)
				.hasMessageContaining("actorrpc.flight-recorder.actuator-messages"));
	}

	@Test
	void actuatorEndpointIsNotCreatedWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ActorRpcEndpoint.class));
	}

	@Test
	void actuatorEndpointBacksOffWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues("management.endpoints.web.exposure.include=actorrpc")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ActorRpcEndpoint.class);
			});
	}

	@Test
	void actuatorEndpointDescribesEndpointsAndClients() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=actorrpc",
					"actorrpc.clients.jobmaster.address=pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster")
			.run((context) -> {
				FakeRpcService service = (FakeRpcService) context.getBean(RpcService.class);
				new TestEndpoints.Standalone(service, "worker");
				context.getBean(RpcClients.class).client("jobmaster", TestGateway.class);
				ActorRpcEndpoint.ActorRpcDescriptor descriptor = context.getBean(ActorRpcEndpoint.class).actorRpc();
				assertThat(descriptor.service().address()).isEqualTo("127.0.0.1");
				assertThat(descriptor.service().port()).isEqualTo(1234);
				assertThat(descriptor.endpoints()).singleElement().satisfies((endpoint) -> {
					assertThat(endpoint.id()).isEqualTo("worker");
					assertThat(endpoint.gateways()).containsExactly(TestGateway.class.getName());
					assertThat(endpoint.state()).isEqualTo("CREATED");
					assertThat(endpoint.busyTimeMs()).isEqualTo(5.0);
					assertThat(endpoint.slowestMethods()).extracting(ActorRpcEndpoint.MethodDescriptor::method)
						.containsExactly("TestGateway/hello", "TestGateway/echo");
				});
				assertThat(descriptor.clients()).singleElement().satisfies((client) -> {
					assertThat(client.name()).isEqualTo("jobmaster");
					assertThat(client.state()).isEqualTo(RpcClientView.State.NOT_CONNECTED);
				});
			});
	}

	@Test
	void orderingReferencesNameClassesThatExistInThisBootVersion() {
		for (String name : new String[] { "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" }) {
			assertThatNoException().as(name).isThrownBy(() -> Class.forName(name));
		}
	}

}
