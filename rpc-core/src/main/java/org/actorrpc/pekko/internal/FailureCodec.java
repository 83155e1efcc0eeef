package org.actorrpc.pekko.internal;

import java.lang.reflect.Constructor;

import java.util.function.Predicate;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import org.actorrpc.exceptions.RpcException;
import org.actorrpc.serialization.BoundedInput;

/**
 * Carries exceptions across the wire as data — class name, message, stack trace, causes — never as
 * serialized objects. The caller rebuilds an exception of the same type only when it trusts the
 * type (see {@link #rebuild}); otherwise it gets an {@link RpcException} naming the original type
 * and message. Either way the remote stack trace is kept.
 */
final class FailureCodec {

	private static final int MAX_CAUSES = 8;

	private static final int MAX_FRAMES = 256;

	private FailureCodec() {
	}

	static void write(Output output, Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = (t.getCause() != t) ? t.getCause() : null) {
			depth++;
		}
		output.writeVarInt(depth, true);
		Throwable t = failure;
		for (int i = 0; i < depth; i++) {
			output.writeString(t.getClass().getName());
			output.writeString(t.getMessage());
			StackTraceElement[] frames = t.getStackTrace();
			int count = Math.min(frames.length, MAX_FRAMES);
			output.writeVarInt(count, true);
			for (int f = 0; f < count; f++) {
				StackTraceElement frame = frames[f];
				output.writeString(frame.getClassName());
				output.writeString(frame.getMethodName());
				output.writeString(frame.getFileName());
				output.writeVarInt(frame.getLineNumber() + 2, true);
			}
			t = t.getCause();
		}
	}

	/**
	 * A failure as read from the wire, not yet turned into exceptions.
	 *
	 * @param names class names, outermost first
	 * @param messages messages
	 * @param stacks stack traces
	 */
	record FailureData(String[] names, String[] messages, StackTraceElement[][] stacks) {
	}

	/**
	 * Reads failure data, refusing counts beyond what {@link #write} produces or the frame holds.
	 * @param input the payload
	 * @return the data
	 * @throws IllegalArgumentException or {@code KryoException} if the data is malformed
	 */
	static FailureData read(Input input) {
		int depth = input.readVarInt(true);
		if (depth < 0 || depth > MAX_CAUSES) {
			throw new IllegalArgumentException("Failure data claims a cause chain of " + depth
					+ " exceptions; at most " + MAX_CAUSES + " are sent");
		}
		// an exception is at least two strings and a frame count
		BoundedInput.requireAvailable(input, depth, 3, "a cause chain");
		String[] names = new String[depth];
		String[] messages = new String[depth];
		StackTraceElement[][] stacks = new StackTraceElement[depth][];
		for (int i = 0; i < depth; i++) {
			names[i] = input.readString();
			messages[i] = input.readString();
			int count = input.readVarInt(true);
			if (count < 0 || count > MAX_FRAMES) {
				throw new IllegalArgumentException("Failure data claims a stack trace of " + count
						+ " frames; at most " + MAX_FRAMES + " are sent");
			}
			// a frame is three strings and a line number
			BoundedInput.requireAvailable(input, count, 4, "a stack trace");
			StackTraceElement[] frames = new StackTraceElement[count];
			for (int f = 0; f < count; f++) {
				String className = input.readString();
				String methodName = input.readString();
				String fileName = input.readString();
				int line = input.readVarInt(true) - 2;
				frames[f] = new StackTraceElement(className, methodName, fileName, line);
			}
			stacks[i] = frames;
		}
		return new FailureData(names, messages, stacks);
	}

	/**
	 * Turns failure data into exceptions. A type is rebuilt only if it is a {@link Throwable} the
	 * caller trusts: a JDK exception or one of {@code org.actorrpc.exceptions}, or one the predicate accepts (declared in the
	 * invoked method's {@code throws} clause, or registered in the gateway's contract). Any other
	 * type is never loaded past linking nor instantiated; the caller gets an {@link RpcException}
	 * naming it.
	 * @param data the failure data
	 * @param classLoader where to load trusted types from
	 * @param trusted which application exception types may be rebuilt
	 * @return the outermost exception
	 */
	static Throwable rebuild(FailureData data, ClassLoader classLoader, Predicate<Class<?>> trusted) {
		Throwable cause = null;
		for (int i = data.names().length - 1; i >= 0; i--) {
			Throwable rebuilt = rebuild(data.names()[i], data.messages()[i], cause, classLoader, trusted);
			rebuilt.setStackTrace(data.stacks()[i]);
			cause = rebuilt;
		}
		return (cause != null) ? cause : new RpcException("The remote side reported a failure without details.");
	}

	private static Throwable rebuild(String className, String message, Throwable cause, ClassLoader classLoader,
			Predicate<Class<?>> trusted) {
		try {
			Class<?> type = Class.forName(className, false, classLoader);
			if (Throwable.class.isAssignableFrom(type) && (isPlatformType(className) || trusted.test(type))) {
				Throwable rebuilt = instantiate(type, message, cause);
				if (rebuilt != null) {
					return rebuilt;
				}
			}
		}
		catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
			// fall through: the caller cannot rebuild this type, so it gets a generic one naming it
		}
		return new RpcException("Remote failure " + className + ((message != null) ? ": " + message : ""), cause);
	}

	private static boolean isPlatformType(String className) {
		return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("org.actorrpc.exceptions.");
	}

	private static Throwable instantiate(Class<?> type, String message, Throwable cause)
			throws ReflectiveOperationException {
		try {
			Constructor<?> withCause = type.getConstructor(String.class, Throwable.class);
			return (Throwable) withCause.newInstance(message, cause);
		}
		catch (NoSuchMethodException ex) {
			// try the next constructor shape
		}
		try {
			Constructor<?> withMessage = type.getConstructor(String.class);
			Throwable rebuilt = (Throwable) withMessage.newInstance(message);
			if (cause != null && rebuilt.getCause() == null) {
				rebuilt.initCause(cause);
			}
			return rebuilt;
		}
		catch (NoSuchMethodException ex) {
			// try the next constructor shape
		}
		if (message == null) {
			Constructor<?> noArgs = type.getConstructor();
			Throwable rebuilt = (Throwable) noArgs.newInstance();
			if (cause != null && rebuilt.getCause() == null) {
				rebuilt.initCause(cause);
			}
			return rebuilt;
		}
		return null;
	}

}
