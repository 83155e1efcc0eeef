package org.actorrpc;

/**
 * Totals for one method (or main-thread task kind) processed by an endpoint since it started.
 *
 * @param method the method
 * @param count messages processed
 * @param failures messages whose processing threw or whose future failed synchronously
 * @param totalNanos processing time summed over all messages, in nanoseconds
 * @param maxNanos longest processing time seen, in nanoseconds
 * @param lastNanos processing time of the most recent message, in nanoseconds
 */
public record RpcMethodStats(RpcMethod method, long count, long failures, long totalNanos, long maxNanos,
		long lastNanos) {

}
