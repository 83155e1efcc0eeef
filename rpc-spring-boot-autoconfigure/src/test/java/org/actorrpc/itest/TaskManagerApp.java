package org.actorrpc.itest;

import java.util.concurrent.CompletableFuture;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.spring.RpcClient;
import org.actorrpc.spring.RpcEndpointComponent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Test application hosting the "worker" endpoint and calling the "jobmaster" application through
 * {@code @RpcClient("jobmaster")} injected into a final field.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ TaskManagerApp.WorkerEndpoint.class, TaskManagerApp.Caller.class })
public class TaskManagerApp {

	@RpcEndpointComponent("worker")
	public static class WorkerEndpoint extends RpcEndpoint implements EchoGateway {

		public WorkerEndpoint(RpcService rpcService) {
			super(rpcService, "worker");
		}

		@Override
		public CompletableFuture<String> echo(String message) {
			return CompletableFuture.completedFuture("echo:" + message);
		}

	}

	public static class Caller {

		private final PingGateway jobMaster;

		private final ObservationRegistry observationRegistry;

		private final ObjectProvider<Tracer> tracer;

		public Caller(@RpcClient("jobmaster") PingGateway jobMaster, ObservationRegistry observationRegistry,
				ObjectProvider<Tracer> tracer) {
			this.jobMaster = jobMaster;
			this.observationRegistry = observationRegistry;
			this.tracer = tracer;
		}

		public PingGateway jobMaster() {
			return this.jobMaster;
		}

		/**
		 * Calls traceId() inside an observation and returns {local trace id, remote trace id}.
		 */
		public String[] traceIds() {
			return Observation.createNotStarted("itest.caller", this.observationRegistry).observe(() -> {
				String local = this.tracer.getObject().currentSpan().context().traceId();
				String remote = this.jobMaster.traceId().join();
				return new String[] { local, remote };
			});
		}

	}

}
