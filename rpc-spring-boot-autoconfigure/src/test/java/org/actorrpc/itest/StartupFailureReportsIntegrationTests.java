package org.actorrpc.itest;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.spring.RpcEndpointComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The usual first mistakes stop a real application with Spring Boot's short failure report (what
 * went wrong, with the property or beans involved, and what to do) instead of a long stack trace;
 * misspelt properties are reported with the nearest valid name.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportsIntegrationTests {

	/** Banner, a few INFO lines and the report: Spring Boot logs an analyzed failure's stack trace at DEBUG. */
	private static final int SHORT_OUTPUT_LINES = 45;

	private static final String STACK_FRAME = "\tat ";

	private static ConfigurableApplicationContext start(Class<?> application, String... properties) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties("spring.jmx.enabled=false", "actorrpc.host=127.0.0.1", "actorrpc.port=0",
					"actorrpc.clients.jobmaster.address=local:jobmaster")
			.properties(properties)
			.run();
	}

	private static String report(CapturedOutput output) {
		String all = output.getAll();
		int start = all.indexOf("APPLICATION FAILED TO START");
		assertThat(start).as("failure report in:%n%s", all).isNotNegative();
		return all.substring(start);
	}

	@Test
	void portInUseIsReportedWithThePropertyAndWhatToDo(CapturedOutput output) throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int port = taken.getLocalPort();
			assertThatException().isThrownBy(() -> start(TaskManagerApp.class, "actorrpc.port=" + port));
			String report = report(output);
			assertThat(report)
				.contains("actorrpc could not listen on 127.0.0.1:" + port + " (actorrpc.port=" + port
						+ "): the port is already in use.")
				.contains("Identify and stop the process that is listening on port " + port
						+ ", or set actorrpc.port to another port");
			assertThat(output.getAll().lines()).as("whole output").hasSizeLessThan(SHORT_OUTPUT_LINES);
			assertThat(output.getAll()).doesNotContain("Caused by:").doesNotContain(STACK_FRAME);
		}
	}

	@Test
	void twoEndpointsWithOneIdAreReportedNamingBoth(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(TwinsApp.class));
		assertThat(report(output)).contains("Two RPC endpoints have the id 'twin': bean '"
				+ SecondTwin.class.getName() + "' cannot register under it because bean '" + FirstTwin.class.getName()
				+ "' already has it.")
			.contains("Give each endpoint its own id");
		assertThat(output.getAll()).doesNotContain("Caused by:").doesNotContain(STACK_FRAME);
	}

	@Test
	void annotationValueThatDiffersFromTheConstructorIdIsReportedNamingBoth(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(ConflictApp.class));
		assertThat(report(output))
			.contains("has two different ids: 'declared' from @RpcEndpointComponent and 'passed' passed to the "
					+ "RpcEndpoint constructor.")
			.contains("Keep one of them");
		assertThat(output.getAll()).doesNotContain("Caused by:").doesNotContain(STACK_FRAME);
	}

	@Test
	void misspeltPropertiesAreReportedWithTheNearestValidOne(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(TaskManagerApp.class, "actorrpc.ask-timout=5s",
				"actorrpc.clients.jobmaster.adress=local:jobmaster"));
		assertThat(report(output))
			.contains("'actorrpc.ask-timout' is not an actorrpc property: did you mean 'actorrpc.ask-timeout'?")
			.contains("'actorrpc.clients.jobmaster.adress' is not an actorrpc property: did you mean "
					+ "'actorrpc.clients.jobmaster.address'?")
			.contains("actorrpc.fail-on-unknown-properties=false");
	}

	@Test
	void misspeltPropertiesOnlyWarnWhenFailingIsTurnedOff(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(TaskManagerApp.class, "actorrpc.ask-timout=5s",
				"actorrpc.fail-on-unknown-properties=false", "actorrpc.pekko.loglevel=INFO",
				"actorrpc.serialization.extra-classes[0]=java.util.ArrayList")) {
			assertThat(context.isRunning()).isTrue();
		}
		assertThat(output.getAll().lines().filter((line) -> line.contains(" WARN ")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("'actorrpc.ask-timout' is not an actorrpc property: did you mean 'actorrpc.ask-timeout'?");
	}

	@Test
	void missingClientAddressIsReportedAsNotSet(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(TaskManagerApp.class)
			.web(WebApplicationType.NONE)
			.properties("spring.jmx.enabled=false", "actorrpc.port=0")
			.run());
		assertThat(report(output))
			.contains("The actorrpc property 'actorrpc.clients.jobmaster.address' is not set: "
					+ "@RpcClient(\"jobmaster\") needs the address of its endpoint.")
			.doesNotContain("null");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ FirstTwin.class, SecondTwin.class })
	static class TwinsApp {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ConflictingEndpoint.class)
	static class ConflictApp {

	}

	@SuppressWarnings("try") // close() of AutoCloseableAsync declares Exception
	abstract static class Twin extends RpcEndpoint implements EchoGateway {

		Twin(RpcService rpcService) {
			super(rpcService, "twin");
		}

		@Override
		public CompletableFuture<String> echo(String message) {
			return CompletableFuture.completedFuture(message);
		}

	}

	@RpcEndpointComponent
	@SuppressWarnings("try") // close() of AutoCloseableAsync declares Exception
	static class FirstTwin extends Twin {

		FirstTwin(RpcService rpcService) {
			super(rpcService);
		}

	}

	@RpcEndpointComponent
	@SuppressWarnings("try") // close() of AutoCloseableAsync declares Exception
	static class SecondTwin extends Twin {

		/** Depends on the first twin, so that it is created second. */
		SecondTwin(RpcService rpcService, FirstTwin first) {
			super(rpcService);
		}

	}

	@RpcEndpointComponent("declared")
	@SuppressWarnings("try") // close() of AutoCloseableAsync declares Exception
	static class ConflictingEndpoint extends RpcEndpoint implements EchoGateway {

		ConflictingEndpoint(RpcService rpcService) {
			super(rpcService, "passed");
		}

		@Override
		public CompletableFuture<String> echo(String message) {
			return CompletableFuture.completedFuture(message);
		}

	}

}
