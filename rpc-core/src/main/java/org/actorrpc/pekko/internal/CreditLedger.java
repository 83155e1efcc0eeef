package org.actorrpc.pekko.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The flows an endpoint's main thread owes credit to, so that it can pay them when its mailbox
 * runs empty and, in full, when the endpoint terminates (a later endpoint under the same id starts
 * owing nothing). Main thread only.
 */
final class CreditLedger {

	private final List<InboundFlow> owed = new ArrayList<>();

	void owe(InboundFlow flow) {
		flow.listed = true;
		this.owed.add(flow);
	}

	/** The mailbox ran empty: pay flows that are owed enough to matter, forget the ones paid. */
	void idle() {
		if (this.owed.isEmpty()) {
			return;
		}
		for (int i = this.owed.size() - 1; i >= 0; i--) {
			InboundFlow flow = this.owed.get(i);
			flow.idle();
			if (!flow.owes()) {
				flow.listed = false;
				this.owed.remove(i);
			}
		}
	}

	/** The endpoint terminates: pay everything. */
	void payAll() {
		for (InboundFlow flow : this.owed) {
			flow.pay();
			flow.listed = false;
		}
		this.owed.clear();
	}

}
