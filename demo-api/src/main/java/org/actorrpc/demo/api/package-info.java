/**
 * The demo cluster's RPC contract: the gateways of a Flink-like control plane (Dispatcher,
 * JobMaster, ResourceManager, TaskExecutor) and the immutable messages they
 * exchange. Every type here is a record or an enum, so instances are safe to share between
 * threads and serializable by the RPC service's Kryo registry, which derives itself from these
 * interfaces.
 */
package org.actorrpc.demo.api;
