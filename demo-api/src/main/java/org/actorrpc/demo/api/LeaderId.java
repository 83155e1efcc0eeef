package org.actorrpc.demo.api;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Fencing token of the cluster's leader session: the leader session id a JobMaster process is
 * granted by the leader election (a fresh random one per grant with ZooKeeper; the fixed all-zero
 * id without high availability). Its fenced endpoints (JobMaster, ResourceManager) reject messages
 * carrying any other. TaskManagers learn it through leader retrieval and register again under it.
 *
 * @param value the token value, the leader session id
 */
public record LeaderId(UUID value) implements Serializable {

	/**
	 * Checks the value.
	 * @throws NullPointerException if the value is null
	 */
	public LeaderId {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * Creates a new random leader id.
	 * @return the new id
	 */
	public static LeaderId generate() {
		return new LeaderId(UUID.randomUUID());
	}

	/**
	 * Returns a short form (first 8 hex digits) for logs and the dashboard.
	 * @return the short form
	 */
	public String shortString() {
		return this.value.toString().substring(0, 8);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
