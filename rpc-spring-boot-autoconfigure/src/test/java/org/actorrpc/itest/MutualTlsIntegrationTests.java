package org.actorrpc.itest;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Mutual TLS through a Spring Boot SSL bundle ({@code actorrpc.ssl.bundle}): two peers that trust
 * each other's certificates talk; a peer whose certificate the server does not trust, or a peer
 * without TLS, cannot invoke anything. Certificates are generated with {@code keytool}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutualTlsIntegrationTests {

	private Path directory;

	private TestCertificates certificates;

	private ConfigurableApplicationContext server;

	private String serverAddress;

	@BeforeAll
	void startServer(@TempDir Path directory) {
		this.directory = directory;
		this.certificates = new TestCertificates(this.directory);
		Path serverKeys = this.certificates.keyStore("server");
		this.certificates.keyStore("trusted");
		this.certificates.keyStore("stranger");
		Path serverTrust = this.certificates.trustStore("server-trust", "server", "trusted");
		this.server = new SpringApplicationBuilder(JobMasterApp.class).web(WebApplicationType.NONE)
			.properties(TestCertificates.bundleProperties(serverKeys, serverTrust))
			.properties("spring.jmx.enabled=false", "actorrpc.system-name=jobmaster", "actorrpc.port=0",
					"actorrpc.clients.taskmanager.address=local:worker")
			.run();
		this.serverAddress = this.server.getBean(RpcService.class).getEndpointAddress("jobmaster");
	}

	@AfterAll
	void stopServer() {
		if (this.server != null) {
			this.server.close();
		}
	}

	private ConfigurableApplicationContext client(String... extraProperties) {
		return new SpringApplicationBuilder(TaskManagerApp.class).web(WebApplicationType.NONE)
			.properties(extraProperties)
			.properties("spring.jmx.enabled=false", "actorrpc.system-name=taskmanager", "actorrpc.port=0",
					"actorrpc.ask-timeout=3s", "actorrpc.clients.default.timeout=3s",
					"actorrpc.clients.jobmaster.address=" + this.serverAddress)
			.run();
	}

	private RpcEndpointView jobMasterView() {
		return this.server.getBean(RpcService.class)
			.getEndpointViews()
			.stream()
			.filter((view) -> view.getEndpointId().equals("jobmaster"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void peersTrustingEachOtherTalk() throws Exception {
		Path keys = this.directory.resolve("trusted.p12");
		Path trust = this.certificates.trustStore("trusted-trust", "server");
		try (ConfigurableApplicationContext client = client(TestCertificates.bundleProperties(keys, trust))) {
			PingGateway jobMaster = client.getBean(TaskManagerApp.Caller.class).jobMaster();
			assertThat(jobMaster.ping("tls").get(30, TimeUnit.SECONDS)).isEqualTo("pong:tls");
			assertThat(jobMaster.greet("tls")).startsWith("hello tls");
		}
	}

	@Test
	void peerWithUntrustedCertificateCannotInvokeAnything() throws Exception {
		Path keys = this.directory.resolve("stranger.p12");
		Path trust = this.certificates.trustStore("stranger-trust", "server", "stranger");
		long processedBefore = jobMasterView().getProcessedMessages();
		try (ConfigurableApplicationContext client = client(TestCertificates.bundleProperties(keys, trust))) {
			PingGateway jobMaster = client.getBean(TaskManagerApp.Caller.class).jobMaster();
			jobMaster.record("intruder");
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> jobMaster.ping("intruder").get(30, TimeUnit.SECONDS));
			assertThatExceptionOfType(RpcRuntimeException.class).isThrownBy(() -> jobMaster.greet("intruder"))
				.withMessageContaining("RPC client 'jobmaster'");
		}
		assertThat(jobMasterView().getProcessedMessages()).as("messages processed by the server's endpoint")
			.isEqualTo(processedBefore);
		assertThat(jobMasterView().getMethodStats()).noneMatch((stats) -> stats.method().method().equals("record"));
	}

	@Test
	void peerWithoutTlsCannotInvokeAnything() {
		try (ConfigurableApplicationContext client = client()) {
			PingGateway jobMaster = client.getBean(TaskManagerApp.Caller.class).jobMaster();
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> jobMaster.ping("plain").get(30, TimeUnit.SECONDS));
		}
	}

}
