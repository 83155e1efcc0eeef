package org.actorrpc.pekko.internal;

/**
 * Marker of the messages actorrpc sends through Pekko; bound to {@link RpcWireSerializer} so no
 * other serializer (Java serialization in particular) ever sees them.
 */
public interface RpcWireMessage {

}
