package org.actorrpc.demo.jobmaster;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import org.actorrpc.demo.api.LeaderId;
import org.actorrpc.demo.jobmaster.web.RestProperties;

/**
 * The demo cluster's master process: Dispatcher, JobMaster, ResourceManager and leader retrieval
 * endpoints, the REST API and the live dashboard. Configuration only; the endpoints document their
 * own threading.
 */
@SpringBootApplication
@EnableConfigurationProperties({ ClusterProperties.class, RestProperties.class })
public class JobMasterApplication {

	/**
	 * The leader session of this process: every start is a new leader with a new fencing token.
	 * @return the session
	 */
	@Bean
	LeaderSession leaderSession() {
		return new LeaderSession(LeaderId.generate());
	}

	/**
	 * Starts the app.
	 * @param args command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(JobMasterApplication.class, args);
	}

}
