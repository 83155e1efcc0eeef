package org.actorrpc.pekko.internal;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * A gateway whose arguments are what a hostile peer forges lengths for: a byte array, a string,
 * and nested object arrays.
 */
public interface BlobGateway extends RpcGateway {

	/**
	 * @param data some bytes
	 * @return their number
	 */
	CompletableFuture<Integer> size(byte[] data);

	/**
	 * @param message a message
	 * @return the same message
	 */
	CompletableFuture<String> echo(String message);

	/**
	 * @param values nested arrays
	 * @return how many elements the outer array has
	 */
	CompletableFuture<Integer> count(Object[] values);

}
