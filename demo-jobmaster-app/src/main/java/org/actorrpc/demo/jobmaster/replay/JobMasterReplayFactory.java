package org.actorrpc.demo.jobmaster.replay;

import java.util.List;

import org.actorrpc.RpcService;
import org.actorrpc.demo.api.LeaderId;
import org.actorrpc.demo.jobmaster.ClusterProperties;
import org.actorrpc.demo.jobmaster.LeaderSession;
import org.actorrpc.demo.jobmaster.execution.JobMaster;
import org.actorrpc.demo.jobmaster.ha.JobStoreWriter;
import org.actorrpc.journal.Journal;
import org.actorrpc.test.replay.EndpointFactory;

/**
 * Creates the JobMaster to replay from its journal as the live process created it: under the
 * recorded leader session, with the same {@code demo.cluster.*} settings (they decide its timers,
 * which the replay checks against the record), persisting nothing and recovering no job (the
 * journal of a JobMaster without high availability, or of the first leader). Also usable as
 * {@code ReplayCommand --factory}, then with the default settings. Immutable.
 */
public final class JobMasterReplayFactory implements EndpointFactory<JobMaster> {

	private final ClusterProperties properties;

	/**
	 * Creates the factory with the demo's default settings.
	 */
	public JobMasterReplayFactory() {
		this(new ClusterProperties());
	}

	/**
	 * Creates the factory with the settings the recorded JobMaster ran with.
	 * @param properties the live run's {@code demo.cluster.*} settings
	 */
	public JobMasterReplayFactory(ClusterProperties properties) {
		this.properties = properties;
	}

	@Override
	public JobMaster create(RpcService service, Journal journal) {
		if (!(journal.fencingToken() instanceof LeaderId leaderId)) {
			throw new IllegalArgumentException("The journal of endpoint " + journal.endpointId() + " ("
					+ journal.endpointClass() + ") records no JobMaster leader session: it is not a JobMaster's journal");
		}
		return new JobMaster(service, new LeaderSession(leaderId), this.properties, JobStoreWriter.standalone(),
				List.of());
	}

	@Override
	public String describe(JobMaster jobMaster) {
		return JobStatePrinter.describe(jobMaster.getAllJobDetails());
	}

}
