package org.apache.flink.benchmark.scale;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.IntSupplier;

import org.apache.flink.runtime.rpc.RpcServer;

/**
 * The depth of a Flink 2.3 endpoint's mailbox, which Flink does not expose: its {@code RpcServer} proxy is a
 * {@code PekkoBasedEndpoint} whose actor is a local actor; its cell's Pekko mailbox counts the queued messages.
 * Reached by reflection because Flink loads Pekko in its own class loader. Pekko's default (unbounded) mailbox
 * counts by walking its queue, so a read costs O(depth) on the reading thread, never on the endpoint's.
 * Thread-safe.
 */
final class FlinkMailboxDepth implements IntSupplier {

	private final Object cell;

	private final Method mailbox;

	private final Method numberOfMessages;

	FlinkMailboxDepth(RpcServer rpcServer) {
		try {
			Method getActorRef = interfaceMethod(rpcServer, "getActorRef");
			getActorRef.setAccessible(true);
			Object actorRef = getActorRef.invoke(rpcServer);
			Method underlying = actorRef.getClass().getMethod("underlying");
			underlying.setAccessible(true);
			this.cell = underlying.invoke(actorRef);
			this.mailbox = this.cell.getClass().getMethod("mailbox");
			this.mailbox.setAccessible(true);
			this.numberOfMessages = this.mailbox.getReturnType().getMethod("numberOfMessages");
			this.numberOfMessages.setAccessible(true);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException("cannot reach the Pekko mailbox behind Flink's RpcServer "
					+ rpcServer.getClass() + " (Flink's internals changed?)", ex);
		}
	}

	private static Method interfaceMethod(Object proxy, String name) throws NoSuchMethodException {
		for (Class<?> type : proxy.getClass().getInterfaces()) {
			try {
				return type.getMethod(name);
			}
			catch (NoSuchMethodException ex) {
				// not this interface
			}
		}
		throw new NoSuchMethodException(name + " on none of " + proxy.getClass() + "'s interfaces");
	}

	@Override
	public int getAsInt() {
		try {
			return (int) this.numberOfMessages.invoke(this.mailbox.invoke(this.cell));
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("cannot read the Pekko mailbox's depth", ex);
		}
	}

}
