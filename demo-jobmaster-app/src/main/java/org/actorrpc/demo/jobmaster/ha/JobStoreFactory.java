package org.actorrpc.demo.jobmaster.ha;

import java.util.UUID;

/**
 * Opens the {@link JobStore} of a leader session. Thread-safe.
 */
@FunctionalInterface
public interface JobStoreFactory {

	/**
	 * Opens the store whose writes are made under a session.
	 * @param leaderSessionId the session granted to this process
	 * @return the store
	 */
	JobStore open(UUID leaderSessionId);

}
