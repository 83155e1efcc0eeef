package org.actorrpc.journal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import org.actorrpc.RpcGateway;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.journal.JournalRecord.Origin;
import org.actorrpc.serialization.GatewayContract;
import org.actorrpc.serialization.KryoPool;

/**
 * The journal's record format. A frame is {@code [int length][int CRC32C of the payload][payload]};
 * a payload is {@code [byte type][long sequence]} followed by the record's fields. Values
 * (arguments, results) are written with the gateway's {@link GatewayContract}, the same
 * registration-required Kryo set as the wire, so a journal holds only what the wire would carry;
 * failures are written as data (class names and messages), never as serialized objects.
 *
 * <p>An encoder instance reuses one buffer and is confined to one thread (the endpoint's main
 * thread); the static decoding methods are thread-safe.
 */
public final class JournalCodec {

	static final int FRAME_HEADER = 8;

	static final byte HEADER = 0;

	static final byte STARTED = 1;

	static final byte STOPPED = 2;

	static final byte INVOKED = 3;

	static final byte TASK = 4;

	static final byte FOREIGN = 5;

	static final byte TIMER = 6;

	static final byte DELIVERED = 7;

	static final byte CLOCK = 20;

	static final byte CALLED = 21;

	static final byte CONNECTED = 22;

	static final byte SCHEDULED = 23;

	static final byte RETURNED = 24;

	static final byte TOKEN = 25;

	static final byte ENDED = 30;

	private static final int MAX_CAUSES = 8;

	private static final int RETAINED_BUFFER_LIMIT = 1 << 20;

	private Output output = new Output(4096, -1);

	/**
	 * Encodes a segment header: which endpoint wrote the journal and the extra classes its
	 * contracts registered.
	 * @param endpointId the endpoint id
	 * @param endpointClass the endpoint's class name
	 * @param endpointAddress the endpoint's address
	 * @param extraClasses the service's extra serializable classes
	 * @return the frame
	 */
	public byte[] header(String endpointId, String endpointClass, String endpointAddress,
			List<Class<?>> extraClasses) {
		Output out = begin(HEADER, 0);
		out.writeString(endpointId);
		out.writeString(endpointClass);
		out.writeString(endpointAddress);
		out.writeVarInt(extraClasses.size(), true);
		for (Class<?> type : extraClasses) {
			out.writeString(type.getName());
		}
		return finish();
	}

	/**
	 * @param sequence the message
	 * @param started {@code true} for a start, {@code false} for a stop
	 * @return the frame
	 */
	public byte[] lifecycle(long sequence, boolean started) {
		return lifecycle(sequence, started, null, null);
	}

	/**
	 * @param sequence the message
	 * @param started {@code true} for a start, {@code false} for a stop
	 * @param contract the contract of one of the endpoint's gateways, for the token
	 * @param fencingToken a fenced endpoint's token, or {@code null}
	 * @return the frame
	 */
	public byte[] lifecycle(long sequence, boolean started, GatewayContract contract, Object fencingToken) {
		Output out = begin(started ? STARTED : STOPPED, sequence);
		if (started) {
			boolean token = contract != null && fencingToken != null;
			out.writeBoolean(token);
			if (token) {
				out.writeString(contract.gateway().getName());
				writeValues(out, contract, new Object[] { fencingToken });
			}
		}
		return finish();
	}

	/**
	 * @param sequence the message
	 * @param contract the invoked gateway's contract
	 * @param method the invoked method
	 * @param args its arguments
	 * @return the frame
	 */
	public byte[] invoked(long sequence, GatewayContract contract, Method method, Object[] args) {
		try {
			Output out = begin(INVOKED, sequence);
			writeMethod(out, contract, method);
			out.writeBoolean(true);
			writeValues(out, contract, args);
			return finish();
		}
		catch (RuntimeException ex) {
			// A @Local method's arguments need not be serializable: record the call without them.
			Output out = begin(INVOKED, sequence);
			writeMethod(out, contract, method);
			out.writeBoolean(false);
			out.writeString(ex.toString());
			return finish();
		}
	}

	/**
	 * @param sequence the message
	 * @param origin the task's origin
	 * @return the frame
	 */
	public byte[] task(long sequence, Origin origin) {
		writeOrigin(begin(TASK, sequence), origin);
		return finish();
	}

	/**
	 * @param sequence the message
	 * @param description the task's class
	 * @return the frame
	 */
	public byte[] foreignTask(long sequence, String description) {
		begin(FOREIGN, sequence).writeString(description);
		return finish();
	}

	/**
	 * @param sequence the message
	 * @param origin the timer's origin
	 * @return the frame
	 */
	public byte[] timer(long sequence, Origin origin) {
		writeOrigin(begin(TIMER, sequence), origin);
		return finish();
	}

	/**
	 * @param sequence the message
	 * @param origin the call or connect
	 * @param contract the gateway's contract
	 * @param value the result ({@code null} for a connect)
	 * @param failure the failure, or {@code null}
	 * @return the frame
	 */
	public byte[] delivered(long sequence, Origin origin, GatewayContract contract, Object value,
			Throwable failure) {
		Output out = begin(DELIVERED, sequence);
		writeOrigin(out, origin);
		out.writeString(contract.gateway().getName());
		writeOutcome(out, contract, value, failure);
		return finish();
	}

	/**
	 * @param sequence the message
	 * @param instant the clock reading
	 * @return the frame
	 */
	public byte[] clock(long sequence, Instant instant) {
		Output out = begin(CLOCK, sequence);
		out.writeVarLong(instant.getEpochSecond(), false);
		out.writeVarInt(instant.getNano(), true);
		return finish();
	}

	/**
	 * @param sequence the message
	 * @param origin the call's origin
	 * @param contract the called gateway's contract
	 * @param address the callee
	 * @param method the method
	 * @param args its arguments
	 * @return the frame
	 */
	public byte[] called(long sequence, Origin origin, GatewayContract contract, String address, Method method,
			Object[] args) {
		Output out = begin(CALLED, sequence);
		writeOrigin(out, origin);
		out.writeString(address);
		writeMethod(out, contract, method);
		writeValues(out, contract, args);
		return finish();
	}

	/**
	 * @param sequence the message
	 * @param origin the connect's origin
	 * @param gateway the gateway interface
	 * @param address the address
	 * @return the frame
	 */
	public byte[] connected(long sequence, Origin origin, Class<?> gateway, String address) {
		Output out = begin(CONNECTED, sequence);
		writeOrigin(out, origin);
		out.writeString(gateway.getName());
		out.writeString(address);
		return finish();
	}

	/**
	 * @param sequence the message
	 * @param origin the timer's origin
	 * @param delayMillis its delay
	 * @return the frame
	 */
	public byte[] scheduled(long sequence, Origin origin, long delayMillis) {
		Output out = begin(SCHEDULED, sequence);
		writeOrigin(out, origin);
		out.writeVarLong(delayMillis, true);
		return finish();
	}

	/**
	 * @param sequence the message
	 * @param origin the call
	 * @param contract the gateway's contract
	 * @param value the result
	 * @param failure the failure, or {@code null}
	 * @return the frame
	 */
	public byte[] returned(long sequence, Origin origin, GatewayContract contract, Object value, Throwable failure) {
		Output out = begin(RETURNED, sequence);
		writeOrigin(out, origin);
		out.writeString(contract.gateway().getName());
		writeOutcome(out, contract, value, failure);
		return finish();
	}

	/**
	 * @param sequence the message processed under the new token
	 * @param contract the contract of one of the endpoint's gateways, for the token
	 * @param fencingToken the endpoint's new token, or {@code null} (it no longer leads)
	 * @return the frame
	 */
	public byte[] fencingToken(long sequence, GatewayContract contract, Object fencingToken) {
		Output out = begin(TOKEN, sequence);
		out.writeBoolean(fencingToken != null);
		if (fencingToken != null) {
			out.writeString(contract.gateway().getName());
			writeValues(out, contract, new Object[] { fencingToken });
		}
		return finish();
	}

	/**
	 * @param sequence the last message recorded
	 * @param reason why the journal ends
	 * @return the frame
	 */
	public byte[] ended(long sequence, String reason) {
		begin(ENDED, sequence).writeString(reason);
		return finish();
	}

	private Output begin(byte type, long sequence) {
		Output out = this.output;
		out.reset();
		out.setPosition(FRAME_HEADER);
		out.writeByte(type);
		for (int shift = 56; shift >= 0; shift -= 8) {
			out.writeByte((byte) (sequence >>> shift));
		}
		return out;
	}

	private byte[] finish() {
		Output out = this.output;
		byte[] frame = Arrays.copyOf(out.getBuffer(), out.position());
		int length = frame.length - FRAME_HEADER;
		CRC32C crc = new CRC32C();
		crc.update(frame, FRAME_HEADER, length);
		putInt(frame, 0, length);
		putInt(frame, 4, (int) crc.getValue());
		if (out.getBuffer().length > RETAINED_BUFFER_LIMIT) {
			this.output = new Output(4096, -1);
		}
		return frame;
	}

	private static void writeMethod(Output out, GatewayContract contract, Method method) {
		out.writeString(contract.gateway().getName());
		out.writeString(method.getName());
		out.writeVarInt(contract.indexOf(method), true);
	}

	private static void writeValues(Output out, GatewayContract contract, Object[] values) {
		int count = (values != null) ? values.length : 0;
		out.writeVarInt(count, true);
		if (count == 0) {
			return;
		}
		Kryo kryo = contract.borrow();
		try {
			for (Object value : values) {
				kryo.writeClassAndObject(out, value);
			}
		}
		catch (Throwable ex) {
			contract.discard(kryo);
			throw ex;
		}
		contract.release(kryo);
	}

	private static void writeOutcome(Output out, GatewayContract contract, Object value, Throwable failure) {
		if (failure != null) {
			out.writeBoolean(false);
			int depth = 0;
			for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = (t.getCause() != t) ? t.getCause() : null) {
				depth++;
			}
			out.writeVarInt(depth, true);
			Throwable t = failure;
			for (int i = 0; i < depth; i++) {
				out.writeString(t.getClass().getName());
				out.writeString(t.getMessage());
				t = t.getCause();
			}
			return;
		}
		out.writeBoolean(true);
		Kryo kryo = contract.borrow();
		try {
			kryo.writeClassAndObject(out, value);
		}
		catch (Throwable ex) {
			contract.discard(kryo);
			throw ex;
		}
		contract.release(kryo);
	}

	private static void writeOrigin(Output out, Origin origin) {
		out.writeVarLong(origin.sequence(), true);
		out.writeVarInt(origin.index(), true);
	}

	static void putInt(byte[] bytes, int offset, int value) {
		bytes[offset] = (byte) (value >>> 24);
		bytes[offset + 1] = (byte) (value >>> 16);
		bytes[offset + 2] = (byte) (value >>> 8);
		bytes[offset + 3] = (byte) value;
	}

	static int getInt(byte[] bytes, int offset) {
		return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16) | ((bytes[offset + 2] & 0xff) << 8)
				| (bytes[offset + 3] & 0xff);
	}

	/** @return the record type of a frame */
	static byte typeOf(byte[] frame) {
		return frame[FRAME_HEADER];
	}

	/** @return the sequence number of a frame */
	static long sequenceOf(byte[] frame) {
		long sequence = 0;
		for (int i = 0; i < 8; i++) {
			sequence = (sequence << 8) | (frame[FRAME_HEADER + 1 + i] & 0xff);
		}
		return sequence;
	}

	/** @return whether a frame starts a message */
	static boolean isMessage(byte type) {
		return type >= STARTED && type <= DELIVERED;
	}

	// ------------------------------------------------------------------------
	// Decoding
	// ------------------------------------------------------------------------

	/** A segment's header. */
	record Header(String endpointId, String endpointClass, String endpointAddress, List<String> extraClasses) {
	}

	static Header decodeHeader(byte[] payload) {
		Input in = new Input(payload);
		if (in.readByte() != HEADER) {
			throw new IllegalArgumentException("the first record is not a segment header");
		}
		readSequence(in);
		String endpointId = in.readString();
		String endpointClass = in.readString();
		String endpointAddress = in.readString();
		int count = in.readVarInt(true);
		List<String> extras = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			extras.add(in.readString());
		}
		return new Header(endpointId, endpointClass, endpointAddress, extras);
	}

	/**
	 * Resolves gateway contracts by class name for decoding, with the extra classes the writer used.
	 * Thread-safe.
	 */
	static final class Contracts {

		private final ClassLoader classLoader;

		private final List<Class<?>> extraClasses;

		private final Map<String, GatewayContract> byName = new ConcurrentHashMap<>();

		/** Shared by the contracts of one journal, as a service's contracts share theirs. */
		private final KryoPool kryos = new KryoPool();

		Contracts(ClassLoader classLoader, List<String> extraClassNames) {
			this.classLoader = classLoader;
			List<Class<?>> extras = new ArrayList<>();
			for (String name : extraClassNames) {
				extras.add(load(name));
			}
			this.extraClasses = List.copyOf(extras);
		}

		@SuppressWarnings("unchecked")
		GatewayContract of(String gateway) {
			return this.byName.computeIfAbsent(gateway, (name) -> {
				Class<?> type = load(name);
				if (!RpcGateway.class.isAssignableFrom(type)) {
					throw new IllegalArgumentException(name + " in the journal is not an RpcGateway");
				}
				return GatewayContract.of((Class<? extends RpcGateway>) type, this.extraClasses, this.kryos);
			});
		}

		private Class<?> load(String name) {
			try {
				return Class.forName(name, false, this.classLoader);
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalArgumentException("The journal names class " + name
						+ ", which is not on the classpath: run the reader with the endpoint's classes", ex);
			}
		}

		ClassLoader classLoader() {
			return this.classLoader;
		}

	}

	static JournalRecord decode(byte[] payload, Contracts contracts) {
		Input in = new Input(payload);
		byte type = in.readByte();
		long sequence = readSequence(in);
		switch (type) {
			case STARTED: {
				if (!in.readBoolean()) {
					return new JournalRecord.Started(sequence, null);
				}
				String gateway = in.readString();
				return new JournalRecord.Started(sequence, readValues(in, contracts.of(gateway))[0]);
			}
			case STOPPED:
				return new JournalRecord.Stopped(sequence);
			case INVOKED: {
				String gateway = in.readString();
				String method = in.readString();
				int index = in.readVarInt(true);
				if (!in.readBoolean()) {
					return new JournalRecord.Invoked(sequence, gateway, method, index, null, in.readString());
				}
				return new JournalRecord.Invoked(sequence, gateway, method, index,
						readValues(in, contracts.of(gateway)), null);
			}
			case TASK:
				return new JournalRecord.TaskRan(sequence, readOrigin(in));
			case FOREIGN:
				return new JournalRecord.ForeignTaskRan(sequence, in.readString());
			case TIMER:
				return new JournalRecord.TimerFired(sequence, readOrigin(in));
			case DELIVERED: {
				Origin origin = readOrigin(in);
				String gateway = in.readString();
				Object[] outcome = readOutcome(in, contracts, gateway);
				return new JournalRecord.Delivered(sequence, origin, gateway, outcome[0], (Throwable) outcome[1]);
			}
			case CLOCK:
				return new JournalRecord.ClockRead(sequence,
						Instant.ofEpochSecond(in.readVarLong(false), in.readVarInt(true)));
			case CALLED: {
				Origin origin = readOrigin(in);
				String address = in.readString();
				String gateway = in.readString();
				String method = in.readString();
				int index = in.readVarInt(true);
				return new JournalRecord.Called(sequence, origin, gateway, address, method, index,
						readValues(in, contracts.of(gateway)));
			}
			case CONNECTED:
				return new JournalRecord.Connected(sequence, readOrigin(in), in.readString(), in.readString());
			case SCHEDULED:
				return new JournalRecord.Scheduled(sequence, readOrigin(in), in.readVarLong(true));
			case RETURNED: {
				Origin origin = readOrigin(in);
				String gateway = in.readString();
				Object[] outcome = readOutcome(in, contracts, gateway);
				return new JournalRecord.Returned(sequence, origin, outcome[0], (Throwable) outcome[1]);
			}
			case TOKEN: {
				if (!in.readBoolean()) {
					return new JournalRecord.FencingTokenChanged(sequence, null);
				}
				String gateway = in.readString();
				return new JournalRecord.FencingTokenChanged(sequence, readValues(in, contracts.of(gateway))[0]);
			}
			case ENDED:
				return new JournalRecord.Ended(sequence, in.readString());
			default:
				throw new IllegalArgumentException("unknown record type " + type);
		}
	}

	private static long readSequence(Input in) {
		long sequence = 0;
		for (int i = 0; i < 8; i++) {
			sequence = (sequence << 8) | (in.readByte() & 0xff);
		}
		return sequence;
	}

	private static Origin readOrigin(Input in) {
		return new Origin(in.readVarLong(true), in.readVarInt(true));
	}

	private static Object[] readValues(Input in, GatewayContract contract) {
		int count = in.readVarInt(true);
		Object[] values = new Object[count];
		if (count == 0) {
			return values;
		}
		Kryo kryo = contract.borrow();
		try {
			for (int i = 0; i < count; i++) {
				values[i] = kryo.readClassAndObject(in);
			}
		}
		catch (Throwable ex) {
			contract.discard(kryo);
			throw ex;
		}
		contract.release(kryo);
		return values;
	}

	private static Object[] readOutcome(Input in, Contracts contracts, String gateway) {
		if (in.readBoolean()) {
			GatewayContract contract = contracts.of(gateway);
			Kryo kryo = contract.borrow();
			Object value;
			try {
				value = kryo.readClassAndObject(in);
			}
			catch (Throwable ex) {
				contract.discard(kryo);
				throw ex;
			}
			contract.release(kryo);
			return new Object[] { value, null };
		}
		int depth = in.readVarInt(true);
		if (depth < 1 || depth > MAX_CAUSES) {
			throw new IllegalArgumentException("a failure with " + depth + " causes");
		}
		String[] names = new String[depth];
		String[] messages = new String[depth];
		for (int i = 0; i < depth; i++) {
			names[i] = in.readString();
			messages[i] = in.readString();
		}
		Throwable cause = null;
		for (int i = depth - 1; i >= 0; i--) {
			cause = rebuild(names[i], messages[i], cause, contracts.classLoader());
		}
		return new Object[] { null, cause };
	}

	/**
	 * Rebuilds a recorded failure as an exception of the same type and message, so that code that
	 * looks at either sees what the live endpoint saw. Only {@link Throwable} types are constructed,
	 * and only through their message constructors; a type that cannot be built so becomes an
	 * {@link RpcException} naming it.
	 */
	private static Throwable rebuild(String className, String message, Throwable cause, ClassLoader classLoader) {
		try {
			Class<?> type = Class.forName(className, false, classLoader);
			if (Throwable.class.isAssignableFrom(type)) {
				try {
					Constructor<?> withCause = type.getConstructor(String.class, Throwable.class);
					return (Throwable) withCause.newInstance(message, cause);
				}
				catch (NoSuchMethodException ex) {
					Constructor<?> withMessage = type.getConstructor(String.class);
					Throwable rebuilt = (Throwable) withMessage.newInstance(message);
					if (cause != null && rebuilt.getCause() == null) {
						rebuilt.initCause(cause);
					}
					return rebuilt;
				}
			}
		}
		catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
			// fall through to a generic failure naming the type
		}
		return new RpcException(className + ((message != null) ? ": " + message : ""), cause);
	}

}
