/**
 * Implementation of the test kit: the driver of the main-thread queues, virtual timers, the
 * network with its faults, gateway proxies. Not API: use {@link org.actorrpc.test.TestingRpcService}.
 */
package org.actorrpc.test.internal;
