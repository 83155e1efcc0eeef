package org.actorrpc.itest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Per-context record of what happened, in order (one bean per application context, never static).
 */
public class EventLog {

	private final List<String> events = new CopyOnWriteArrayList<>();

	public void add(String event) {
		this.events.add(event);
	}

	public List<String> events() {
		return List.copyOf(this.events);
	}

}
