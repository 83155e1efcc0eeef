package org.actorrpc.benchmarks.peer;

/**
 * Where the server runs relative to the clients. Immutable.
 */
public enum Placement {

	/** Same JVM and, where the peer has one, the same service (actor system, RPC service). */
	LOCAL("local"),

	/** A separate server JVM on 127.0.0.1, started with the benchmark JVM's java and class path. */
	REMOTE("remote");

	private final String id;

	Placement(String id) {
		this.id = id;
	}

	/** @return the id used in {@code @Param} values */
	public String id() {
		return this.id;
	}

	/**
	 * @param id "local" or "remote"
	 * @return the placement
	 * @throws IllegalArgumentException for any other id
	 */
	public static Placement of(String id) {
		for (Placement placement : values()) {
			if (placement.id.equals(id)) {
				return placement;
			}
		}
		throw new IllegalArgumentException("Unknown placement '" + id + "'; use 'local' or 'remote'");
	}

}
