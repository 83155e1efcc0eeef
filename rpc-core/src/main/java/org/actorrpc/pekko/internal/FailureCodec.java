package org.actorrpc.pekko.internal;

import java.lang.reflect.Constructor;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import org.actorrpc.exceptions.RpcException;

/**
 * Carries exceptions across the wire as data — class name, message, stack trace, causes — never as
 * serialized objects. The receiving side rebuilds an exception of the same type when the class is
 * a {@link Throwable} it can load with a message constructor; otherwise an {@link RpcException}
 * naming the original type. Either way the remote stack trace is kept.
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

	static Throwable read(Input input, ClassLoader classLoader) {
		int depth = input.readVarInt(true);
		String[] names = new String[depth];
		String[] messages = new String[depth];
		StackTraceElement[][] stacks = new StackTraceElement[depth][];
		for (int i = 0; i < depth; i++) {
			names[i] = input.readString();
			messages[i] = input.readString();
			int count = input.readVarInt(true);
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
		Throwable cause = null;
		for (int i = depth - 1; i >= 0; i--) {
			Throwable rebuilt = rebuild(names[i], messages[i], cause, classLoader);
			rebuilt.setStackTrace(stacks[i]);
			cause = rebuilt;
		}
		return (cause != null) ? cause : new RpcException("The remote side reported a failure without details.");
	}

	private static Throwable rebuild(String className, String message, Throwable cause, ClassLoader classLoader) {
		try {
			Class<?> type = Class.forName(className, false, classLoader);
			if (Throwable.class.isAssignableFrom(type)) {
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
