package org.actorrpc.demo.taskmanager;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TaskManager starts while no JobMaster is reachable: its endpoint runs and keeps trying to
 * register, nothing fails at startup.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "demo.taskmanager.resource-id=tm-test", "demo.taskmanager.cluster-address=pekko://jobmaster@127.0.0.1:1",
				"demo.taskmanager.registration-retry-delay=200ms" })
class TaskManagerApplicationTests {

	@Autowired
	private RpcService rpcService;

	@Autowired
	private TaskExecutor taskExecutor;

	@Test
	void startsWithItsTaskExecutorEndpointRunningWhileTheJobMasterIsUnreachable() {
		RpcEndpointView view = this.rpcService.getEndpointViews()
			.stream()
			.filter((endpoint) -> endpoint.getEndpointId().equals(TaskExecutor.ENDPOINT_ID))
			.findFirst()
			.orElseThrow();
		assertThat(view.getMainThreadName()).contains(TaskExecutor.ENDPOINT_ID);
		assertThat(this.taskExecutor.getAddress()).endsWith("/user/rpc/taskexecutor");
	}

}
