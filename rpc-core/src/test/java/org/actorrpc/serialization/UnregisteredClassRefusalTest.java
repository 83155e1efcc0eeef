package org.actorrpc.serialization;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import org.junit.jupiter.api.Test;

import org.actorrpc.RpcGateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A payload naming a class outside the gateway's registry is refused before that class is
 * initialised or instantiated, and the error names it (the deserialization-gadget defence of the
 * Kryo registry). The payload is what a lenient, hostile or misconfigured sender would write: a
 * complete Kryo stream with the class written by name.
 */
class UnregisteredClassRefusalTest {

	@Test
	void payloadNamingAnUnregisteredClassIsRefusedWithoutInitialisingOrInstantiatingIt() {
		GatewayContract contract = GatewayContract.of(ProbeGateway.class, List.of());
		byte[] payload = payloadNaming(TripwireProbe.class.getName());

		assertThatThrownBy(() -> contract.fromBytes(payload)).hasMessageContaining(TripwireProbe.class.getName());

		assertThat(Tripwire.CLASS_INITIALISED).as("static initialiser ran").isFalse();
		assertThat(Tripwire.INSTANTIATED).as("constructor ran").isFalse();
	}

	@Test
	void registeredValuesOfTheSameContractRoundTrip() {
		GatewayContract contract = GatewayContract.of(ProbeGateway.class, List.of());
		Registered value = new Registered("kept", 3);

		assertThat(contract.fromBytes(contract.toBytes(value))).isEqualTo(value);
	}

	@Test
	void serializingAnUnregisteredClassIsRefusedOnTheSenderNamingIt() {
		GatewayContract contract = GatewayContract.of(ProbeGateway.class, List.of());

		assertThatThrownBy(() -> contract.toBytes(new HarmlessProbe("not registered")))
			.hasMessageContaining(HarmlessProbe.class.getName());
	}

	@Test
	void contractsWithDifferentExtraClassesHaveDifferentFingerprintsNamingTheClass() {
		GatewayContract plain = GatewayContract.of(ProbeGateway.class, List.of());
		GatewayContract extended = GatewayContract.of(ProbeGateway.class, List.of(HarmlessProbe.class));

		assertThat(plain.fingerprint()).isNotEqualTo(extended.fingerprint());
		assertThat(GatewayContract.describeDifference(plain.descriptors(), extended.descriptors()))
			.contains(HarmlessProbe.class.getName());
		assertThat(GatewayContract.of(ProbeGateway.class, List.of()).fingerprint())
			.as("derivation is deterministic")
			.isEqualTo(plain.fingerprint());
	}

	/**
	 * Writes a {@link HarmlessProbe} with a lenient Kryo (class written by name), then swaps the
	 * class name for a same-length one, so the stream is well-formed but names another class.
	 */
	private static byte[] payloadNaming(String className) {
		Kryo lenient = new Kryo();
		lenient.setRegistrationRequired(false);
		lenient.setInstantiatorStrategy(
				new com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy(new org.objenesis.strategy.StdInstantiatorStrategy()));
		Output output = new Output(256, -1);
		lenient.writeClassAndObject(output, new HarmlessProbe("payload"));
		byte[] bytes = output.toBytes();
		byte[] from = HarmlessProbe.class.getName().getBytes(StandardCharsets.US_ASCII);
		byte[] to = className.getBytes(StandardCharsets.US_ASCII);
		assertThat(to).hasSameSizeAs(from);
		int at = indexOf(bytes, from, from.length - 1);
		assertThat(at).as("class name found in the lenient payload").isNotNegative();
		System.arraycopy(to, 0, bytes, at, to.length - 1);
		return bytes;
	}

	/** Finds the name without its last byte (Kryo marks the last ASCII character with the high bit). */
	private static int indexOf(byte[] haystack, byte[] needle, int length) {
		outer: for (int i = 0; i + length <= haystack.length; i++) {
			for (int j = 0; j < length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** Flags set by {@link TripwireProbe}; kept apart so that reading them does not initialise it. */
	static final class Tripwire {

		/** Set by TripwireProbe's static initialiser. Test-only global: class initialisation is global. */
		static final AtomicBoolean CLASS_INITIALISED = new AtomicBoolean();

		/** Set by TripwireProbe's constructor. */
		static final AtomicBoolean INSTANTIATED = new AtomicBoolean();

		private Tripwire() {
		}

	}

	/**
	 * A harmless class with the same name length as {@link TripwireProbe}.
	 * @param value a value
	 */
	record HarmlessProbe(String value) {
	}

	/** A class that must never be touched by deserialization. */
	static final class TripwireProbe {

		static {
			Tripwire.CLASS_INITIALISED.set(true);
		}

		final String value;

		TripwireProbe(String value) {
			Tripwire.INSTANTIATED.set(true);
			this.value = value;
		}

	}

	/**
	 * A registered record.
	 * @param name name
	 * @param count count
	 */
	public record Registered(String name, int count) {
	}

	/** Gateway whose registry contains {@link Registered} only. */
	public interface ProbeGateway extends RpcGateway {

		CompletableFuture<Registered> take(Registered value);

	}

}
