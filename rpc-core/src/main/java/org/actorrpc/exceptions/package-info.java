/**
 * The exceptions of the RPC model, with Flink's names: what a caller sees when an endpoint cannot
 * be reached, refuses a connection or a fencing token, is not started, or does not answer in time.
 * API.
 */
package org.actorrpc.exceptions;
