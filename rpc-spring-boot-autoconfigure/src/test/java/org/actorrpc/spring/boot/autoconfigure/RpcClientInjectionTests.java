package org.actorrpc.spring.boot.autoconfigure;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.actorrpc.RpcService;
import org.actorrpc.client.ClientSettings;
import org.actorrpc.client.FencedRpcClient;
import org.actorrpc.client.RpcClientView;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.spring.RpcClient;
import org.actorrpc.spring.boot.autoconfigure.metrics.RpcMetricsAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.metrics.RpcMetricsObserver;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RpcClient @RpcClient} injection through {@link RpcClientAutoConfiguration}.
 */
class RpcClientInjectionTests {

	private static final String ADDRESS = "pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcServiceAutoConfiguration.class, RpcClientAutoConfiguration.class))
		.withBean(RpcService.class, FakeRpcService::new)
		.withPropertyValues("actorrpc.clients.jobmaster.address=" + ADDRESS,
				"actorrpc.clients.resourcemanager.address=pekko://jobmaster@127.0.0.1:6123/user/rpc/rm");

	@Test
	void injectsTheSameProxyIntoFieldsSettersConstructorsAndBeanMethods() {
		this.contextRunner
			.withUserConfiguration(FieldClient.class, SetterClient.class, ConstructorClient.class,
					BeanMethodConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				TestGateway viaField = context.getBean(FieldClient.class).gateway;
				assertThat(viaField).isNotNull();
				assertThat(Proxy.isProxyClass(viaField.getClass())).isTrue();
				assertThat(viaField.getAddress()).isEqualTo(ADDRESS);
				assertThat(context.getBean(SetterClient.class).gateway).isSameAs(viaField);
				assertThat(context.getBean(ConstructorClient.class).gateway).isSameAs(viaField);
				assertThat(context.getBean(BeanMethodClient.class).gateway()).isSameAs(viaField);
			});
	}

	@Test
	void applicationStartsWithoutConnectingToTheRemote() {
		this.contextRunner.withUserConfiguration(ConstructorClient.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(((FakeRpcService) context.getBean(RpcService.class)).connects).isEmpty();
		});
	}

	@Test
	void proxiesAreNotInjectedIntoUnqualifiedInjectionPoints() {
		this.contextRunner.withUserConfiguration(FieldClient.class, PlainAutowiredClient.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(PlainAutowiredClient.class).gateway).isNull();
		});
	}

	@Test
	void fencedGatewayProxiesImplementFencedRpcClient() {
		this.contextRunner.withUserConfiguration(FencedClient.class).run((context) -> {
			TestFencedGateway gateway = context.getBean(FencedClient.class).gateway;
			assertThat(gateway).isInstanceOf(FencedRpcClient.class);
			assertThat(gateway.getFencingToken()).isNull();
		});
	}

	@Test
	void callsThatFailWhileConnectingAreCountedInTheClientFailureMetric() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(RpcMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withUserConfiguration(ConstructorClient.class)
			.run((context) -> {
				TestGateway gateway = context.getBean(ConstructorClient.class).gateway;
				assertThat(gateway.echo("down")).failsWithin(Duration.ofSeconds(30))
					.withThrowableOfType(ExecutionException.class)
					.withCauseInstanceOf(RpcConnectionException.class)
					.withMessageContaining("RPC client 'jobmaster' (TestGateway) cannot reach " + ADDRESS)
					.withMessageContaining("actorrpc.clients.jobmaster.address");
				assertThat(gateway.echo("still down")).isCompletedExceptionally();
				assertThat(context.getBean(MeterRegistry.class)
					.get(RpcMetricsObserver.CLIENT_FAILURES)
					.tag("error.type", RpcConnectionException.class.getName())
					.counter()
					.count()).isEqualTo(2.0);
			});
	}

	@Test
	void clientSettingsComeFromTheClientsPropertiesCompletedFromTheDefaultEntry() {
		this.contextRunner
			.withPropertyValues("actorrpc.clients.default.timeout=3s", "actorrpc.clients.default.max-backoff=7s",
					"actorrpc.clients.jobmaster.initial-backoff=50ms")
			.withUserConfiguration(ConstructorClient.class)
			.run((context) -> {
				ClientSettings settings = RpcClientSettings.resolve(context.getBean(ActorRpcProperties.class),
						"jobmaster");
				assertThat(settings).isEqualTo(new ClientSettings("jobmaster", ADDRESS, Duration.ofSeconds(3),
						Duration.ofMillis(50), Duration.ofSeconds(7), "actorrpc.clients.jobmaster"));
				assertThat(settings.settingName("timeout")).isEqualTo("actorrpc.clients.jobmaster.timeout");
			});
	}

	@Test
	void maxBackoffShorterThanTheInitialOneStopsStartupNamingBoth() {
		this.contextRunner
			.withPropertyValues("actorrpc.clients.jobmaster.initial-backoff=5s",
					"actorrpc.clients.jobmaster.max-backoff=1s")
			.withUserConfiguration(ConstructorClient.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidActorRpcPropertyException.class)
					.hasMessageContaining("actorrpc.clients.jobmaster.max-backoff")
					.hasMessageContaining("actorrpc.clients.jobmaster.initial-backoff");
			});
	}

	@Test
	void closingTheContextClosesTheClients() {
		this.contextRunner.withUserConfiguration(ConstructorClient.class).run((context) -> {
			TestGateway gateway = context.getBean(ConstructorClient.class).gateway;
			RpcClients clients = context.getBean(RpcClients.class);
			context.close();
			assertThat(clients.getClientViews()).extracting(RpcClientView::state)
				.containsExactly(RpcClientView.State.CLOSED);
			assertThat(gateway.echo("after close")).isCompletedExceptionally();
		});
	}

	@Test
	void clientWithoutAddressStopsStartupNamingTheProperty() {
		this.contextRunner.withUserConfiguration(UnconfiguredClient.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidActorRpcPropertyException.class)
				.hasMessageContaining("actorrpc.clients.dispatcher.address");
		});
	}

	@Test
	void defaultEntrySuppliesTheAddress() {
		this.contextRunner.withPropertyValues("actorrpc.clients.default.address=local:dispatcher")
			.withUserConfiguration(UnconfiguredClient.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(UnconfiguredClient.class).gateway.getAddress())
					.isEqualTo("pekko://fake@127.0.0.1:1234/user/rpc/dispatcher");
			});
	}

	@Test
	void nonGatewayTypeStopsStartupWithAClearMessage() {
		this.contextRunner.withUserConfiguration(WrongTypeClient.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("is not an RpcGateway interface");
		});
	}

	static class FieldClient {

		@RpcClient("jobmaster")
		TestGateway gateway;

	}

	static class SetterClient {

		TestGateway gateway;

		@RpcClient("jobmaster")
		void setGateway(TestGateway gateway) {
			this.gateway = gateway;
		}

	}

	static class ConstructorClient {

		final TestGateway gateway;

		ConstructorClient(@RpcClient("jobmaster") TestGateway gateway) {
			this.gateway = gateway;
		}

	}

	record BeanMethodClient(TestGateway gateway) {
	}

	@Configuration(proxyBeanMethods = false)
	static class BeanMethodConfiguration {

		@Bean
		BeanMethodClient beanMethodClient(@RpcClient("jobmaster") TestGateway gateway) {
			return new BeanMethodClient(gateway);
		}

	}

	static class PlainAutowiredClient {

		@Autowired(required = false)
		TestGateway gateway;

	}

	static class FencedClient {

		@RpcClient("resourcemanager")
		TestFencedGateway gateway;

	}

	static class UnconfiguredClient {

		final TestGateway gateway;

		UnconfiguredClient(@RpcClient("dispatcher") TestGateway gateway) {
			this.gateway = gateway;
		}

	}

	static class WrongTypeClient {

		@RpcClient("jobmaster")
		String gateway;

	}

}
