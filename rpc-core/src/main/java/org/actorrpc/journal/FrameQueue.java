package org.actorrpc.journal;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The bounded hand-over between an endpoint's main thread (the producer) and its journal's writer
 * thread (the consumer), bounded in bytes. A producer waits while the queue is full; it is never
 * refused while the queue is open, so no record is dropped. One frame is always admitted into an
 * empty queue, however large. Thread-safe.
 */
final class FrameQueue {

	private final long capacity;

	private final ArrayDeque<byte[]> frames = new ArrayDeque<>();

	private long bytes;

	private boolean closed;

	private boolean consumerWaiting;

	FrameQueue(long capacity) {
		this.capacity = capacity;
	}

	/**
	 * Adds a frame, waiting while the queue is full.
	 * @param frame the frame
	 * @return {@code false} if the queue was closed (the journal ended), {@code true} once queued
	 */
	synchronized boolean put(byte[] frame) {
		boolean interrupted = false;
		while (!this.closed && !this.frames.isEmpty() && this.bytes + frame.length > this.capacity) {
			try {
				wait();
			}
			catch (InterruptedException ex) {
				// Keep waiting: giving up would lose the record. The flag is restored below.
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		if (this.closed) {
			return false;
		}
		this.frames.add(frame);
		this.bytes += frame.length;
		if (this.consumerWaiting) {
			notifyAll();
		}
		return true;
	}

	/**
	 * Moves every queued frame to the list, waiting until there is one or the queue is closed.
	 * @param into where the frames go, in order
	 * @return {@code false} once the queue is closed and empty
	 * @throws InterruptedException if the writer thread is interrupted
	 */
	synchronized boolean drainTo(List<byte[]> into) throws InterruptedException {
		while (this.frames.isEmpty() && !this.closed) {
			this.consumerWaiting = true;
			try {
				wait();
			}
			finally {
				this.consumerWaiting = false;
			}
		}
		if (this.frames.isEmpty()) {
			return false;
		}
		into.addAll(this.frames);
		this.frames.clear();
		this.bytes = 0;
		notifyAll();
		return true;
	}

	/** Refuses further frames; those queued are still drained. */
	synchronized void close() {
		this.closed = true;
		notifyAll();
	}

	/** Refuses further frames and forgets the queued ones (the writer failed). */
	synchronized void abandon() {
		this.closed = true;
		this.frames.clear();
		this.bytes = 0;
		notifyAll();
	}

}
