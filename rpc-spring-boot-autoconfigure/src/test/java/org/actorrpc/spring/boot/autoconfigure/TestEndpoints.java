package org.actorrpc.spring.boot.autoconfigure;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;

/**
 * Endpoints used by the tests.
 */
final class TestEndpoints {

	private TestEndpoints() {
	}

	/**
	 * A {@link TestGateway} endpoint that is not a Spring component.
	 */
	@SuppressWarnings("try") // close() of AutoCloseableAsync declares Exception
	static class Standalone extends RpcEndpoint implements TestGateway {

		Standalone(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId);
		}

		/** Lets {@code RpcEndpoint} make up a random id. */
		Standalone(RpcService rpcService) {
			super(rpcService);
		}

		@Override
		public CompletableFuture<String> echo(String message) {
			return CompletableFuture.completedFuture(message);
		}

		@Override
		public String hello(String name) {
			return "hello " + name;
		}

		@Override
		public void tell(String message) {
		}

	}

}
