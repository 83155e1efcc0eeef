package org.actorrpc.demo.jobmaster.resourcemanager;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatMonitorTests {

	private final HeartbeatMonitor monitor = new HeartbeatMonitor(Duration.ofSeconds(5), () -> {
	});

	@Test
	void taskManagerSilentForLongerThanTheTimeoutIsReportedOnce() {
		this.monitor.recordHeartbeat("tm-1", 1_000);
		this.monitor.recordHeartbeat("tm-2", 1_000);
		this.monitor.recordHeartbeat("tm-2", 5_000);

		assertThat(this.monitor.removeExpired(6_000)).isEmpty();
		assertThat(this.monitor.removeExpired(6_001)).containsExactly("tm-1");
		assertThat(this.monitor.removeExpired(6_002)).isEmpty();
		assertThat(this.monitor.lastHeartbeat("tm-2")).isEqualTo(5_000);
	}

	@Test
	void unmonitoredTaskManagerIsNeverReported() {
		this.monitor.recordHeartbeat("tm-1", 0);
		this.monitor.unmonitor("tm-1");
		assertThat(this.monitor.removeExpired(100_000)).isEmpty();
	}

}
