package org.actorrpc;

/**
 * Base type of every RPC gateway: a Java interface whose methods are invoked on a remote or local
 * {@link RpcEndpoint}.
 *
 * <p>Return types decide the invocation style: a {@code void} method is fire-and-forget (no answer
 * awaited); a method returning exactly {@link java.util.concurrent.CompletableFuture} is an
 * asynchronous request; any other return type blocks the calling thread until the answer arrives
 * or the call's timeout expires.
 *
 * <h2>Delivery contract</h2>
 * For each pair of calling service and endpoint, every call and every fire-and-forget message is
 * delivered to the endpoint's main thread exactly once, in the order one thread sent them, while
 * the connection lives — or the caller learns that it was not:
 * <ul>
 * <li>Nothing is dropped silently. A sender may have only a bounded window of messages in flight
 * to an endpoint, and an endpoint's mailbox is bounded; at a limit the calling thread waits up to
 * the overflow timeout for capacity, then the call fails with an
 * {@link org.actorrpc.exceptions.RpcException} naming the endpoint, the limit and the property that
 * raises it. A fire-and-forget call reports that failure by throwing an unchecked
 * {@link org.actorrpc.exceptions.RpcRuntimeException}. Endpoint main threads and the transport
 * thread never wait (two endpoints waiting for each other would deadlock): their call fails at
 * once.</li>
 * <li>When the remote service becomes unreachable or restarts, calls in flight fail with a
 * {@link org.actorrpc.exceptions.RecipientUnreachableException}; fire-and-forget messages in flight
 * are reported on the sending side as undelivered (logged, and counted through
 * {@link RpcObserver#messagesUndelivered}); nothing is replayed. Until the remote service answers
 * again, new calls to it fail at once.</li>
 * <li>A fire-and-forget message that the endpoint refuses (its mailbox is full, it is not started,
 * it terminated, or its fencing token differs) is reported the same way on the sender.</li>
 * </ul>
 *
 * <p>Gateway proxies are thread-safe: any thread may call them concurrently. Futures they return
 * complete on an RPC I/O thread; never block in a non-async callback — use the {@code *Async}
 * variants with an executor (for example an endpoint's main-thread executor) for heavy work.
 */
public interface RpcGateway {

	/**
	 * Returns the fully qualified address of the endpoint behind this gateway, for example
	 * {@code pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster}.
	 * @return the endpoint's address
	 */
	String getAddress();

	/**
	 * Returns the host name or IP address of the endpoint behind this gateway.
	 * @return the endpoint's host
	 */
	String getHostname();

}
