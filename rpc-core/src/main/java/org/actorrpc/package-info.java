/**
 * The RPC model, with Apache Flink's names and meanings: {@link org.actorrpc.RpcGateway}s are typed
 * proxies into {@link org.actorrpc.RpcEndpoint}s, each of which runs every message on one dedicated
 * main thread in arrival order per sender, so its state needs no locks; an
 * {@link org.actorrpc.RpcService} starts endpoints and connects gateways. API: nothing here depends
 * on Pekko or Kryo, and the delivery contract (each message once, in order, or the caller learns
 * it was not) is stated on {@link org.actorrpc.RpcGateway}.
 */
package org.actorrpc;
