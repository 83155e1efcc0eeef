package org.actorrpc.test.replay;

import java.time.Duration;

import org.actorrpc.RpcService;

/** Warehouses that behave differently from the recorded one in exactly one way. */
final class Variants {

	private Variants() {
	}

	/** Asks the pricer for another key. */
	public static class OtherPriceKey extends Warehouse {

		public OtherPriceKey(RpcService service) {
			super(service);
		}

		@Override
		protected String priceKey(String item) {
			return "x-" + item;
		}

	}

	/** Ships later. */
	public static class OtherShipDelay extends Warehouse {

		public OtherShipDelay(RpcService service) {
			super(service);
		}

		@Override
		protected Duration shipDelay() {
			return Duration.ofMillis(31);
		}

	}

	/** Reads the clock once more when receiving. */
	public static class ExtraClockReading extends Warehouse {

		public ExtraClockReading(RpcService service) {
			super(service);
		}

		@Override
		protected Duration shipDelay() {
			getClock().millis();
			return super.shipDelay();
		}

	}

}
