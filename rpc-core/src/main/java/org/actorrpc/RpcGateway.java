package org.actorrpc;

/**
 * Base type of every RPC gateway: a Java interface whose methods are invoked on a remote or local
 * {@link RpcEndpoint}.
 *
 * <p>Return types decide the invocation style: a {@code void} method is fire-and-forget (no
 * acknowledgement, no error reported back); a method returning exactly
 * {@link java.util.concurrent.CompletableFuture} is an asynchronous request; any other return type
 * blocks the calling thread until the answer arrives or the call's timeout expires.
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
