package org.actorrpc.itest;

import java.util.concurrent.TimeUnit;

import com.typesafe.config.ConfigFactory;
import org.actorrpc.RpcService;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;
import org.actorrpc.spring.boot.autoconfigure.ActorSystemFactoryBean;
import org.actorrpc.spring.boot.autoconfigure.RpcClientAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.RpcEndpointAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.RpcServiceAutoConfiguration;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user-supplied {@link ActorSystem}, created with {@link PekkoRpcService#actorSystemConfig} as
 * fallback, replaces the auto-configured one; the auto-configured RPC service runs on it.
 */
class UserActorSystemIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcServiceAutoConfiguration.class, RpcEndpointAutoConfiguration.class,
				RpcClientAutoConfiguration.class))
		.withPropertyValues("actorrpc.port=0", "actorrpc.system-name=custom",
				"actorrpc.clients.worker.address=local:worker")
		.withUserConfiguration(UserActorSystemConfiguration.class, TaskManagerApp.WorkerEndpoint.class);

	@Test
	void autoConfiguredServiceRunsOnTheUsersActorSystem() {
		ActorSystem[] system = new ActorSystem[1];
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ActorSystemFactoryBean.class);
			system[0] = context.getBean(ActorSystem.class);
			PekkoRpcService service = (PekkoRpcService) context.getBean(RpcService.class);
			assertThat(service.getActorSystem()).isSameAs(system[0]);
			assertThat(system[0].settings().config().getString("pekko.loglevel")).isEqualTo("WARNING");
			EchoGateway worker = service.connect(service.getEndpointAddress("worker"), EchoGateway.class)
				.get(30, TimeUnit.SECONDS);
			assertThat(worker.echo("mine").get(30, TimeUnit.SECONDS)).isEqualTo("echo:mine");
		});
		assertThat(system[0].whenTerminated().isCompleted()).as("terminated by the user's destroy method").isTrue();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserActorSystemConfiguration {

		@Bean(destroyMethod = "")
		ActorSystem userActorSystem(PekkoRpcServiceSettings settings) {
			return ActorSystem.create(settings.systemName(), ConfigFactory.parseString("pekko.loglevel = WARNING")
				.withFallback(PekkoRpcService.actorSystemConfig(settings)));
		}

		@Bean
		UserActorSystemTerminator userActorSystemTerminator(ActorSystem actorSystem, RpcService rpcService) {
			return new UserActorSystemTerminator(actorSystem);
		}

	}

	/**
	 * Terminates the user's actor system after the RPC service (which it depends on) has closed.
	 */
	record UserActorSystemTerminator(ActorSystem actorSystem) implements org.springframework.beans.factory.DisposableBean {

		@Override
		public void destroy() throws Exception {
			this.actorSystem.terminate();
			this.actorSystem.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
		}

	}

}
