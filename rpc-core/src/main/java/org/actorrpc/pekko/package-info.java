/**
 * The {@link org.actorrpc.RpcService} on Apache Pekko Artery TCP:
 * {@link org.actorrpc.pekko.PekkoRpcService} and its settings (including
 * {@link org.actorrpc.pekko.FlowControlSettings} and mutual TLS). API; the machinery behind it is in
 * {@code org.actorrpc.pekko.internal}.
 */
package org.actorrpc.pekko;
