package org.actorrpc.test.replay;

import java.io.PrintStream;
import java.util.Arrays;

import org.actorrpc.journal.Journal;
import org.actorrpc.journal.JournalRecord;

/**
 * Prints a journal one record per line: messages flush left with their sequence number, the
 * effects inside a message indented below it. Stateless.
 */
final class JournalPrinter {

	private JournalPrinter() {
	}

	static void print(Journal journal, long from, long to, PrintStream out) {
		out.println("Journal of endpoint " + journal.endpointId() + " (" + journal.endpointClass() + ") at "
				+ journal.endpointAddress() + ": messages " + journal.firstSequence() + " to " + journal.lastSequence());
		for (JournalRecord record : journal.records()) {
			if (record.sequence() >= from && record.sequence() <= to) {
				out.println(format(record));
			}
		}
		if (journal.tornTail() != null) {
			out.println("(torn tail ignored: " + journal.tornTail() + ")");
		}
	}

	static String format(JournalRecord record) {
		if (record instanceof JournalRecord.Started) {
			return "#" + record.sequence() + " start (onStart)";
		}
		if (record instanceof JournalRecord.Stopped) {
			return "#" + record.sequence() + " stop (onStop)";
		}
		if (record instanceof JournalRecord.Invoked invoked) {
			return "#" + record.sequence() + " invoke " + simple(invoked.gateway()) + "." + invoked.method()
					+ ((invoked.args() != null) ? args(invoked.args()) : "(arguments not recorded: " + invoked.unrecorded() + ")");
		}
		if (record instanceof JournalRecord.TaskRan task) {
			return "#" + record.sequence() + " task " + task.origin();
		}
		if (record instanceof JournalRecord.TimerFired timer) {
			return "#" + record.sequence() + " timer " + timer.origin() + " fired";
		}
		if (record instanceof JournalRecord.ForeignTaskRan foreign) {
			return "#" + record.sequence() + " task from another thread (" + foreign.description() + ")";
		}
		if (record instanceof JournalRecord.Delivered delivered) {
			return "#" + record.sequence() + " result of " + delivered.origin() + " (" + simple(delivered.gateway())
					+ "): " + outcome(delivered.value(), delivered.failure());
		}
		if (record instanceof JournalRecord.ClockRead clock) {
			return "    clock " + clock.instant();
		}
		if (record instanceof JournalRecord.Called called) {
			return "    call " + called.origin() + " " + simple(called.gateway()) + "." + called.method() + args(called.args())
					+ " to " + called.address();
		}
		if (record instanceof JournalRecord.Connected connected) {
			return "    connect " + connected.origin() + " " + simple(connected.gateway()) + " at " + connected.address();
		}
		if (record instanceof JournalRecord.Scheduled scheduled) {
			return "    schedule timer " + scheduled.origin() + " in " + scheduled.delayMillis() + " ms";
		}
		if (record instanceof JournalRecord.Returned returned) {
			return "    returned " + returned.origin() + ": " + outcome(returned.value(), returned.failure());
		}
		if (record instanceof JournalRecord.FencingTokenChanged changed) {
			return "    fencing token now " + changed.fencingToken();
		}
		if (record instanceof JournalRecord.Ended ended) {
			return "(journal ended after message " + ended.sequence() + ": " + ended.reason() + ")";
		}
		return record.toString();
	}

	private static String outcome(Object value, Throwable failure) {
		return (failure != null) ? "failed with " + failure : (value != null) ? String.valueOf(value) : "ok";
	}

	private static String args(Object[] args) {
		String text = Arrays.deepToString(args);
		return "(" + text.substring(1, text.length() - 1) + ")";
	}

	private static String simple(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

}
