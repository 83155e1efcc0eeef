package org.actorrpc.demo.jobmaster;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import org.actorrpc.demo.jobmaster.web.RestProperties;

/**
 * The demo cluster's master process: the Dispatcher endpoint, the REST API and the live dashboard,
 * and, while this process leads the cluster, the JobMaster and ResourceManager endpoints (see
 * {@link org.actorrpc.demo.jobmaster.ha.ClusterLeadership}). Configuration only; the endpoints
 * document their own threading.
 */
@SpringBootApplication
@EnableConfigurationProperties({ ClusterProperties.class, RestProperties.class })
public class JobMasterApplication {

	/**
	 * Starts the app.
	 * @param args command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(JobMasterApplication.class, args);
	}

}
