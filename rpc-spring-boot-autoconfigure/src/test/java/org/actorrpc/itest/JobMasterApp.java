package org.actorrpc.itest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.spring.RpcClient;
import org.actorrpc.spring.RpcEndpointComponent;
import org.actorrpc.spring.RpcEndpointId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Test application hosting the "jobmaster" endpoint (and a second, "dispatcher", to observe stop
 * order); it calls the "taskmanager" application back through {@code @RpcClient("taskmanager")}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ EventLog.class, JobMasterApp.JobMasterEndpoint.class, JobMasterApp.DispatcherEndpoint.class })
public class JobMasterApp {

	@RpcEndpointComponent("jobmaster")
	public static class JobMasterEndpoint extends RpcEndpoint implements PingGateway {

		private final EchoGateway taskManager;

		private final ObjectProvider<Tracer> tracer;

		private final EventLog log;

		private int notes;

		public JobMasterEndpoint(RpcService rpcService, @RpcClient("taskmanager") EchoGateway taskManager,
				ObjectProvider<Tracer> tracer, EventLog log) {
			super(rpcService, "jobmaster");
			this.taskManager = taskManager;
			this.tracer = tracer;
			this.log = log;
		}

		@Override
		public CompletableFuture<String> ping(String message) {
			validateRunsInMainThread();
			return CompletableFuture.completedFuture("pong:" + message);
		}

		@Override
		public String greet(String name) {
			return "hello " + name + " (" + this.notes + " notes)";
		}

		@Override
		public void record(String note) {
			validateRunsInMainThread();
			this.notes++;
		}

		@Override
		public CompletableFuture<String> traceId() {
			Span span = this.tracer.getObject().currentSpan();
			return CompletableFuture.completedFuture((span != null) ? span.context().traceId() : "none");
		}

		@Override
		public CompletableFuture<String> relay(String message) {
			return this.taskManager.echo(message).thenApply((echoed) -> "relayed:" + echoed);
		}

		@Override
		protected CompletableFuture<Void> onStop() {
			this.log.add("onStop:jobmaster");
			return CompletableFuture.runAsync(() -> this.log.add("onStop-done:jobmaster"),
					CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
		}

	}

	@RpcEndpointComponent
	public static class DispatcherEndpoint extends RpcEndpoint implements EchoGateway {

		private final EventLog log;

		public DispatcherEndpoint(RpcService rpcService, RpcEndpointId endpointId, EventLog log,
				JobMasterEndpoint jobMaster) {
			super(rpcService, endpointId.value());
			this.log = log;
		}

		@Override
		public CompletableFuture<String> echo(String message) {
			return CompletableFuture.completedFuture(message);
		}

		@Override
		protected CompletableFuture<Void> onStop() {
			this.log.add("onStop:" + getEndpointId());
			return CompletableFuture.runAsync(() -> this.log.add("onStop-done:" + getEndpointId()),
					CompletableFuture.delayedExecutor(Duration.ofMillis(200).toMillis(), TimeUnit.MILLISECONDS));
		}

	}

}
