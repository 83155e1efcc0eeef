package org.actorrpc.demo.api;

import java.util.Objects;

/**
 * The current leader session of the cluster and where its fenced endpoints live.
 *
 * @param leaderId the fencing token of the session
 * @param resourceManagerAddress RPC address of the ResourceManager
 * @param jobMasterAddress RPC address of the JobMaster
 */
public record LeaderInfo(LeaderId leaderId, String resourceManagerAddress, String jobMasterAddress) {

	/**
	 * Checks the components.
	 * @throws NullPointerException on a missing component
	 */
	public LeaderInfo {
		Objects.requireNonNull(leaderId, "leaderId");
		Objects.requireNonNull(resourceManagerAddress, "resourceManagerAddress");
		Objects.requireNonNull(jobMasterAddress, "jobMasterAddress");
	}

}
