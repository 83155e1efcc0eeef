package org.actorrpc.benchmarks.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Reads an endpoint's mailbox depth every period on a thread of its own and keeps the largest value, and how much
 * CPU time the reading took (so that it can be taken out of the JobMaster JVM's CPU: reading a Pekko mailbox's
 * size walks its queue). A sample, not every peak: a burst shorter than the period can be missed. The fields are
 * written by the sampling thread and read after {@link #close()} joined it.
 */
public final class MailboxSampler implements AutoCloseable {

	private final IntSupplier depth;

	private final long periodNanos;

	private final Thread thread;

	private volatile boolean running = true;

	private int max;

	private long samples;

	private long cpuNanos;

	/**
	 * Starts sampling.
	 * @param depth reads the depth
	 * @param period between samples
	 */
	public MailboxSampler(IntSupplier depth, Duration period) {
		this.depth = depth;
		this.periodNanos = period.toNanos();
		this.thread = new Thread(this::sample, "scale-mailbox-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void sample() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpuStart = threads.getCurrentThreadCpuTime();
		while (this.running) {
			this.max = Math.max(this.max, this.depth.getAsInt());
			this.samples++;
			LockSupport.parkNanos(this.periodNanos);
		}
		this.cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
	}

	/** Stops sampling and waits for the thread to end. */
	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join(TimeUnit.SECONDS.toMillis(10));
	}

	/** @return the largest depth seen; read after {@link #close()} */
	public int max() {
		return this.max;
	}

	/** @return samples taken; read after {@link #close()} */
	public long samples() {
		return this.samples;
	}

	/** @return CPU time the sampling thread used; read after {@link #close()} */
	public long cpuNanos() {
		return this.cpuNanos;
	}

}
