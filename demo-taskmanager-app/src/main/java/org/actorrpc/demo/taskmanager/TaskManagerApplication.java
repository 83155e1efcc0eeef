package org.actorrpc.demo.taskmanager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The demo cluster's worker process: one TaskExecutor endpoint with a few task slots. Configuration
 * only; the endpoint and the worker pool document their threading.
 */
@SpringBootApplication
@EnableConfigurationProperties(TaskManagerProperties.class)
public class TaskManagerApplication {

	/**
	 * The worker threads tasks run on (never the endpoint's main thread); shut down with the context.
	 * @param properties the TaskManager settings
	 * @return the worker pool
	 */
	@Bean(destroyMethod = "close")
	TaskWorkers taskWorkers(TaskManagerProperties properties) {
		return new TaskWorkers(properties.getResourceId());
	}

	/**
	 * Starts the app.
	 * @param args command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(TaskManagerApplication.class, args);
	}

}
