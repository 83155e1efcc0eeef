package org.actorrpc.serialization;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.actorrpc.serialization.WireGateways.CheckpointGateway;
import org.actorrpc.serialization.WireGateways.SlotGateway;
import org.actorrpc.serialization.WireGateways.SlotState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes running different builds interoperate only if contract fingerprints, registration ids and
 * payload bytes stay what earlier builds produced. The expected values below were written by the
 * build before gateway contracts shared Kryo instances; a change to any of them is a wire-format
 * change and must come with a new contract format.
 */
class ContractWireFormatTest {

	private static final HexFormat HEX = HexFormat.of();

	private static final String HEARTBEAT_3 = "cb01746d2db3010000000000000000c0d7ecef0103014e020361636bf30956040605"
			+ "feffffffffffffffff012680e2cfaa0603010601efcdab89674523011332547698badc7e01488303746d2db37a6f6e652de1014e"
			+ "020361636bf30958040807feffffffffffffffff012680e2cfaa0604010801efcdab89674523011432547698badc7e0248830374"
			+ "6d2db47a6f6e652de1";

	private static final String REPORT_4 = "cd014e020361636bf30958040807feffffffffffffffff012680e2cfaa0604010801efcd"
			+ "ab89674523011432547698badc7e02488303746d2db47a6f6e652de1";

	private static final String ACKNOWLEDGEMENT_5 = "ca01da0f4883cb010c01efcdab89674523011632547698badc7e0e01efcdab8967"
			+ "4523011732547698badc7e010a01efcdab89674523011532547698badc7e";

	@Test
	void fingerprintsAreThoseOfEarlierBuilds() {
		assertThat(Long.toHexString(slots().fingerprint())).isEqualTo("401fcdf155bd0ef2");
		assertThat(Long.toHexString(checkpoints().fingerprint())).isEqualTo("a5a121f118c0679f");
	}

	@Test
	void payloadsAreByteForByteThoseOfEarlierBuilds() {
		GatewayContract slots = slots();
		GatewayContract checkpoints = checkpoints();

		assertThat(HEX.formatHex(slots.toBytes(WireGateways.heartbeat(3)))).isEqualTo(HEARTBEAT_3);
		assertThat(HEX.formatHex(slots.toBytes(WireGateways.report(4)))).isEqualTo(REPORT_4);
		assertThat(HEX.formatHex(checkpoints.toBytes(WireGateways.acknowledgement(5)))).isEqualTo(ACKNOWLEDGEMENT_5);
		assertThat(HEX.formatHex(checkpoints.toBytes(Map.of(WireGateways.slot(1), SlotState.RELEASING))))
			.isEqualTo("4e02cb010201efcdab89674523011132547698badc7ecc0103");
		assertThat(checkpoints.fromBytes(HEX.parseHex(ACKNOWLEDGEMENT_5))).isEqualTo(WireGateways.acknowledgement(5));
		assertThat(slots.fromBytes(HEX.parseHex(REPORT_4))).usingRecursiveComparison()
			.isEqualTo(WireGateways.report(4));
	}

	@Test
	void aTypeSharedByTwoContractsKeepsEachContractsIdWhenBothUseOneServicesKryos() {
		KryoPool pool = new KryoPool();
		GatewayContract slots = GatewayContract.of(SlotGateway.class, List.of(), pool);
		GatewayContract checkpoints = GatewayContract.of(CheckpointGateway.class, List.of(), pool);

		for (int round = 0; round < 3; round++) {
			assertThat(HEX.formatHex(slots.toBytes(WireGateways.slot(7))))
				.isEqualTo("cc010e01efcdab89674523011732547698badc7e");
			assertThat(HEX.formatHex(checkpoints.toBytes(WireGateways.slot(7))))
				.isEqualTo("cb010e01efcdab89674523011732547698badc7e");
			assertThat(HEX.formatHex(slots.toBytes(WireGateways.heartbeat(3)))).isEqualTo(HEARTBEAT_3);
			assertThat(HEX.formatHex(checkpoints.toBytes(WireGateways.acknowledgement(5))))
				.isEqualTo(ACKNOWLEDGEMENT_5);
		}
		assertThat(slots.fingerprint()).isEqualTo(slots().fingerprint());
		assertThat(checkpoints.fingerprint()).isEqualTo(checkpoints().fingerprint());
	}

	private static GatewayContract slots() {
		return GatewayContract.of(SlotGateway.class, List.of());
	}

	private static GatewayContract checkpoints() {
		return GatewayContract.of(CheckpointGateway.class, List.of());
	}

}
