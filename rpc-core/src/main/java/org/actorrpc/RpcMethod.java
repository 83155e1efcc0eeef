package org.actorrpc;

/**
 * Names one RPC method of a gateway, for metrics, logs and errors. Instances are created once per
 * method and reused for every call.
 *
 * @param gateway fully qualified name of the gateway interface, or {@code "actorrpc"} for
 * main-thread tasks ({@code runAsync}, {@code callAsync}, scheduled runs, lifecycle)
 * @param gatewaySimpleName simple name of the gateway interface
 * @param method the method name
 */
public record RpcMethod(String gateway, String gatewaySimpleName, String method) {

	/**
	 * Returns the OpenTelemetry {@code rpc.method} form: {@code com.example.Gateway/method}.
	 * @return the fully qualified method name
	 */
	public String qualifiedName() {
		return this.gateway + "/" + this.method;
	}

	/**
	 * Returns the short form {@code Gateway/method}.
	 * @return the short method name
	 */
	public String shortName() {
		return this.gatewaySimpleName + "/" + this.method;
	}

	@Override
	public String toString() {
		return shortName();
	}

}
