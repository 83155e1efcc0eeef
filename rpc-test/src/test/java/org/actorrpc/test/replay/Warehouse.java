package org.actorrpc.test.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;

/**
 * A deterministic endpoint for the replay tests: its state depends on inbound calls, its clock,
 * an outbound call's results (continued on the main thread) and a timer. Subclasses change one
 * behaviour to provoke a divergence.
 */
public class Warehouse extends RpcEndpoint implements WarehouseGateway {

	static final int SHIP_ABOVE = 10;

	private final Map<String, Integer> stock = new TreeMap<>();

	private final Map<String, Long> values = new TreeMap<>();

	private final List<String> log = new ArrayList<>();

	private final List<String> shipped = new ArrayList<>();

	private CompletableFuture<PricerGateway> pricer;

	public Warehouse(RpcService service) {
		super(service, "warehouse");
	}

	@Override
	protected void onStart() {
		this.pricer = getRpcService().connect(getRpcService().getEndpointAddress("pricer"), PricerGateway.class);
		this.log.add("started@" + getClock().millis());
	}

	@Override
	public CompletableFuture<Integer> receive(String item, int quantity) {
		int total = this.stock.merge(item, quantity, Integer::sum);
		this.log.add(item + "+" + quantity + "@" + getClock().millis());
		if (total > SHIP_ABOVE) {
			scheduleRunAsync(() -> ship(item), shipDelay());
		}
		return CompletableFuture.completedFuture(total);
	}

	@Override
	public CompletableFuture<Long> value(String item) {
		return this.pricer.thenCompose((gateway) -> gateway.price(priceKey(item)))
			.thenApplyAsync((price) -> {
				long value = price * this.stock.getOrDefault(item, 0);
				this.values.put(item, value);
				this.log.add("valued " + item + "@" + getClock().millis());
				return value;
			}, getMainThreadExecutor());
	}

	@Override
	public CompletableFuture<String> describe() {
		return CompletableFuture.completedFuture(state() + " at message " + getJournalSequence());
	}

	/** @return the whole state, for comparing a replay with the live endpoint */
	public String state() {
		return "stock=" + this.stock + " values=" + this.values + " shipped=" + this.shipped + " log=" + this.log;
	}

	private void ship(String item) {
		int quantity = this.stock.getOrDefault(item, 0);
		if (quantity > SHIP_ABOVE) {
			this.stock.put(item, 0);
			this.shipped.add(item + "x" + quantity + "@" + getClock().millis());
		}
	}

	/** @return the key the pricer is asked for */
	protected String priceKey(String item) {
		return item;
	}

	/** @return how long after an overfull delivery the item ships */
	protected Duration shipDelay() {
		return Duration.ofMillis(30);
	}

}
