package org.actorrpc.pekko.recorder;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * The gateway of {@link RecorderEndpoint}: calls and fire-and-forget messages that succeed or fail.
 */
public interface RecorderGateway extends RpcGateway {

	/**
	 * Echoes the message.
	 * @param message the message
	 * @return a future of the same message
	 */
	CompletableFuture<String> echo(String message);

	/**
	 * Fire-and-forget message, remembered by the endpoint.
	 * @param message the message
	 */
	void tell(String message);

	/**
	 * Fails with an {@link IllegalStateException} carrying the message.
	 * @param message the exception's message
	 * @return never returns
	 */
	CompletableFuture<String> fail(String message);

	/**
	 * Fire-and-forget message that fails with an {@link IllegalArgumentException}.
	 * @param message the exception's message
	 */
	void failToldMessage(String message);

}
