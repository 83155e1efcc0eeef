package org.actorrpc.itest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * One application holding endpoints and the clients that call them, addressed with
 * {@code local:<endpoint-id>}: the test-support setup the README describes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ EventLog.class, JobMasterApp.JobMasterEndpoint.class, TaskManagerApp.WorkerEndpoint.class,
		TaskManagerApp.Caller.class })
public class LoopbackApp {

}
