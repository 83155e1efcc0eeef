package org.actorrpc.itest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Invalid {@code actorrpc.*} values stop a real application's startup with Spring Boot's failure
 * report naming the property, the value and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationIntegrationTests {

	private static void start(String... properties) {
		new SpringApplicationBuilder(TaskManagerApp.class).web(WebApplicationType.NONE)
			.properties("spring.jmx.enabled=false", "actorrpc.clients.jobmaster.address=local:jobmaster")
			.properties(properties)
			.run()
			.close();
	}

	@Test
	void negativeTimeoutIsReportedWithPropertyAndAction(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("actorrpc.clients.jobmaster.timeout=-3s"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The actorrpc property 'actorrpc.clients.jobmaster.timeout' has the invalid value 'PT-3S'")
			.contains("Set actorrpc.clients.jobmaster.timeout to a positive duration such as 10s.");
	}

	@Test
	void malformedAddressIsReportedWithTheExpectedForm(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("actorrpc.clients.jobmaster.address=jobmaster:6123"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("actorrpc.clients.jobmaster.address")
			.contains("pekko://<system-name>@<host>:<port>/user/rpc/<endpoint-id>");
	}

	@Test
	void unknownSslBundleIsReported(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("actorrpc.ssl.bundle=missing"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The actorrpc property 'actorrpc.ssl.bundle' has the invalid value 'missing'")
			.contains("spring.ssl.bundle.jks.missing");
	}

}
