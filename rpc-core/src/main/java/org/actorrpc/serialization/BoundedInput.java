package org.actorrpc.serialization;

import java.nio.ByteBuffer;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.ByteBufferInput;
import com.esotericsoftware.kryo.io.Input;

/**
 * Kryo input over one received frame that refuses a claimed length before allocating for it:
 * every string, primitive array or byte block whose length read from the wire needs more bytes
 * than the frame still holds fails with a {@link KryoException} naming both numbers. The bound is
 * a comparison against the slice's limit, so reading stays copy-free. Collections, maps and object
 * arrays are bounded by the serializers {@link GatewayContract} registers, using
 * {@link #requireAvailable}. One instance per message; not thread-safe.
 */
public final class BoundedInput extends ByteBufferInput {

	/**
	 * Reads a frame from its position to its limit.
	 * @param frame the frame, not copied
	 */
	public BoundedInput(ByteBuffer frame) {
		super(frame);
	}

	/**
	 * Returns how many bytes the input can still deliver.
	 * @param input an input
	 * @return the bytes left, or {@link Integer#MAX_VALUE} for an input fed by a stream (unknown)
	 */
	public static int remaining(Input input) {
		return (input.getInputStream() == null) ? input.limit() - input.position() : Integer.MAX_VALUE;
	}

	/**
	 * Checks a length read from the wire before anything of that length is allocated.
	 * @param input the input the elements will be read from
	 * @param count the claimed number of elements
	 * @param minBytesPerElement the fewest bytes one element takes on the wire
	 * @param what what is being read, for the error
	 * @throws KryoException if the count is negative or needs more bytes than are left
	 */
	public static void requireAvailable(Input input, long count, int minBytesPerElement, String what) {
		int remaining = remaining(input);
		if (count < 0 || count * minBytesPerElement > remaining) {
			throw new KryoException("Refused " + what + " claiming " + count + " elements: only " + remaining
					+ " bytes are left in the frame");
		}
	}

	@Override
	public String readString() {
		requireUtf8Length();
		return super.readString();
	}

	@Override
	public StringBuilder readStringBuilder() {
		requireUtf8Length();
		return super.readStringBuilder();
	}

	/**
	 * A UTF-8 string starts with its character count, and Kryo sizes its char buffer from it; each
	 * character takes at least one byte, so the count is checked against what is left. (An ASCII
	 * string has no count: it ends at a marked byte, within the frame.)
	 */
	private void requireUtf8Length() {
		if (this.position == this.limit || !readVarIntFlag()) {
			return;
		}
		int start = this.position;
		int encodedCount = readVarIntFlag(true);
		setPosition(start);
		// 0 is null and 1 the empty string; a negative count (a forged five-byte varint) is refused
		if (encodedCount != 0 && encodedCount != 1) {
			requireAvailable(this, encodedCount - 1L, 1, "a string");
		}
	}

	@Override
	public byte[] readBytes(int length) {
		requireAvailable(this, length, 1, "a byte array");
		return super.readBytes(length);
	}

	@Override
	public int[] readInts(int length) {
		requireAvailable(this, length, 4, "an int array");
		return super.readInts(length);
	}

	@Override
	public int[] readInts(int length, boolean optimizePositive) {
		requireAvailable(this, length, 1, "an int array");
		return super.readInts(length, optimizePositive);
	}

	@Override
	public long[] readLongs(int length) {
		requireAvailable(this, length, 8, "a long array");
		return super.readLongs(length);
	}

	@Override
	public long[] readLongs(int length, boolean optimizePositive) {
		requireAvailable(this, length, 1, "a long array");
		return super.readLongs(length, optimizePositive);
	}

	@Override
	public float[] readFloats(int length) {
		requireAvailable(this, length, 4, "a float array");
		return super.readFloats(length);
	}

	@Override
	public double[] readDoubles(int length) {
		requireAvailable(this, length, 8, "a double array");
		return super.readDoubles(length);
	}

	@Override
	public short[] readShorts(int length) {
		requireAvailable(this, length, 2, "a short array");
		return super.readShorts(length);
	}

	@Override
	public char[] readChars(int length) {
		requireAvailable(this, length, 2, "a char array");
		return super.readChars(length);
	}

	@Override
	public boolean[] readBooleans(int length) {
		requireAvailable(this, length, 1, "a boolean array");
		return super.readBooleans(length);
	}

}
