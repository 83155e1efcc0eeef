/**
 * Internal: the machinery of {@link org.actorrpc.pekko.PekkoRpcService} — routing actors, mailboxes
 * and main threads, gateway proxies, flow control, liveness, the wire format. No compatibility
 * promise of any kind: types here change or disappear between releases, and public types here are
 * public only because Pekko instantiates them (serializer, dispatcher configurators) or
 * {@code PekkoRpcService} composes them. Do not use them from application code.
 */
package org.actorrpc.pekko.internal;
