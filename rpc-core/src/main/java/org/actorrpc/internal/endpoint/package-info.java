/**
 * Internal: the endpoint semantics every {@link org.actorrpc.RpcService} implementation of
 * actorrpc shares — the model of a gateway method, fencing, invoking a method and answering its
 * caller, connect-time checks, and an endpoint's statistics and view — so that the Pekko service
 * and the test kit's service behave alike by construction. No compatibility promise of any kind:
 * types here change or disappear between releases. Do not use them from application code.
 */
package org.actorrpc.internal.endpoint;
