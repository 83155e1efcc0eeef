package org.actorrpc.testutil;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * A small gateway used by many tests and by the second-JVM echo node ({@link EchoNodeMain}).
 */
public interface EchoGateway extends RpcGateway {

	/**
	 * Asynchronous echo.
	 * @param message the message
	 * @return a future of the same message
	 */
	CompletableFuture<String> echo(String message);

	/**
	 * Blocking echo.
	 * @param message the message
	 * @return the same message
	 */
	String echoSync(String message);

	/**
	 * A call whose answer never comes; used to have a call in flight.
	 * @return a future that the endpoint never completes
	 */
	CompletableFuture<String> hang();

	/**
	 * Fire-and-forget notification.
	 * @param message the message, remembered by the endpoint
	 */
	void tell(String message);

	/**
	 * Returns the messages received through {@link #tell(String)}, in arrival order.
	 * @return the told messages
	 */
	CompletableFuture<java.util.List<String>> told();

}
