package org.actorrpc.demo.jobmaster.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo cluster end to end: one JobMaster JVM and TaskManager JVMs on 127.0.0.1, driven
 * through the REST API and, for the dashboard, through headless Chromium. The tests share one
 * cluster and run in order, since later ones kill and restart its processes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoClusterIT {

	private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

	private static final String BROWSER_PACKAGES = "apt-get update && apt-get install -y chromium chromium-driver";

	private DemoCluster cluster;

	@TempDir
	Path userDataDir;

	@BeforeAll
	void startCluster() throws IOException {
		this.cluster = new DemoCluster();
		this.cluster.startJobMaster();
		this.cluster.startTaskManager("tm-1");
		this.cluster.startTaskManager("tm-2");
		this.cluster.awaitRegistered("tm-1", "tm-2");
	}

	@AfterAll
	void stopCluster() {
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	@Order(1)
	void jobSubmittedThroughRestRunsOnBothTaskManagersAndFinishesWithCompletedCheckpoints() throws Exception {
		String jobId = this.cluster.submitJob("e2e-finish", 4, 8_000);

		awaitJobStatus(jobId, "FINISHED");

		String details = this.cluster.get("/jobs/" + jobId);
		assertThat(DemoClusterIT.<List<Object>>read(details, "$.tasks[*].state")).hasSize(4).containsOnly("FINISHED");
		assertThat(DemoClusterIT.<List<Object>>read(details, "$.tasks[*].resourceId")).contains("tm-1", "tm-2");
		List<Integer> completed = this.cluster.read("/jobs/" + jobId + "/checkpoints",
				"$[?(@.status=='COMPLETED')].acknowledgedTasks");
		assertThat(completed).as("completed checkpoints, each acknowledged by its running tasks").isNotEmpty();
		assertThat(completed).allSatisfy((acks) -> assertThat(acks).isPositive());
	}

	@Test
	@Order(2)
	void dashboardShowsTheRunningJobsTasksAndChartsInHeadlessChromiumAndCancelStopsTheJob() throws Exception {
		String jobId = this.cluster.submitJob("e2e-dashboard", 4, 120_000);
		WebDriver driver = startChromium();
		try {
			driver.get(this.cluster.baseUrl() + "/?job=" + jobId);
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
			wait.until((d) -> d.findElements(By.cssSelector("#tasks-table tbody tr[data-state='RUNNING']")).size() == 4);
			// At least 5 polls drawn for each of the 5 endpoints (3 in the JobMaster, 1 per TaskManager).
			wait.until((d) -> chartSamples(d, "chart-mailbox") >= 25 && chartSamples(d, "chart-latency") >= 25);

			assertThat(driver.findElement(By.id("job-title")).getText()).contains(jobId);
			assertThat(driver.findElements(By.cssSelector("#taskmanagers-table tbody tr"))).hasSize(2);
			WebElement mailboxChart = driver.findElement(By.id("chart-mailbox"));
			assertThat(Integer.parseInt(mailboxChart.getDomAttribute("data-series")))
				.as("one line per endpoint: 3 in the JobMaster process, 1 per TaskManager")
				.isGreaterThanOrEqualTo(5);
			assertThat(paintedPixels(driver, "chart-mailbox")).isPositive();
			assertThat(paintedPixels(driver, "chart-latency")).isPositive();
			assertThat(driver.findElement(By.id("legend-mailbox")).getText()).contains("jobmaster/jobmaster")
				.contains("tm-1/taskexecutor");

			Path screenshot = Path.of("target", "dashboard-screenshot.png");
			Files.createDirectories(screenshot.getParent());
			Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
					StandardCopyOption.REPLACE_EXISTING);
			assertThat(screenshot).isNotEmptyFile();

			driver.findElement(By.id("cancel-job")).click();
			awaitJobStatus(jobId, "CANCELED");
			assertThat(this.cluster.<List<String>>read("/jobs/" + jobId, "$.tasks[*].state")).containsOnly("CANCELED");
		}
		finally {
			driver.quit();
		}
	}

	@Test
	@Order(3)
	void killedTaskManagerIsDeclaredLostAndItsTasksAreRedeployedUntilTheJobFinishes() throws Exception {
		this.cluster.startTaskManager("tm-3");
		this.cluster.awaitRegistered("tm-3");
		String jobId = this.cluster.submitJob("e2e-failover", 6, 15_000);
		await("a task of the job running on tm-3").atMost(JOB_TIMEOUT)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> !this.cluster
				.<List<?>>read("/jobs/" + jobId, "$.tasks[?(@.resourceId=='tm-3' && @.state=='RUNNING')]")
				.isEmpty());

		this.cluster.killTaskManager("tm-3");

		await("tm-3 declared lost").atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.cluster.<List<String>>read("/taskmanagers", "$[?(@.resourceId=='tm-3')].state")
				.equals(List.of("LOST")));
		awaitJobStatus(jobId, "FINISHED");
		String details = this.cluster.get("/jobs/" + jobId);
		assertThat(DemoClusterIT.<Integer>read(details, "$.redeployments")).isPositive();
		assertThat(DemoClusterIT.<List<Object>>read(details, "$.tasks[*].state")).containsOnly("FINISHED");
		assertThat(DemoClusterIT.<List<Object>>read(details, "$.tasks[*].resourceId")).doesNotContain("tm-3");
		assertThat(DemoClusterIT.<List<Object>>read(details, "$.tasks[?(@.attemptNumber > 0)].failureCause"))
			.isNotEmpty()
			.allSatisfy((cause) -> assertThat((String) cause).contains("tm-3").contains("heartbeat"));
	}

	@Test
	@Order(4)
	void taskManagerThatComesBackRegistersAgain() throws Exception {
		int before = registrations("tm-3");
		this.cluster.startTaskManager("tm-3");
		this.cluster.awaitRegistered("tm-3");
		assertThat(registrations("tm-3")).isEqualTo(before + 1);
	}

	@Test
	@Order(5)
	void gracefullyStoppedTaskManagerDisconnectsAndItsTasksAreRedeployedWithoutWaitingForTheHeartbeatTimeout()
			throws Exception {
		String jobId = this.cluster.submitJob("e2e-graceful-stop", 4, 20_000);
		await("a task of the job running on tm-3").atMost(JOB_TIMEOUT)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> !this.cluster
				.<List<?>>read("/jobs/" + jobId, "$.tasks[?(@.resourceId=='tm-3' && @.state=='RUNNING')]")
				.isEmpty());
		List<Integer> onTm3 = this.cluster.read("/jobs/" + jobId, "$.tasks[?(@.resourceId=='tm-3')].subtaskIndex");

		long sigtermMillis = System.currentTimeMillis();
		this.cluster.stopTaskManager("tm-3");

		// The TaskManager's JVM only exits after the ResourceManager acknowledged the disconnect, so
		// the redeployment is already under way: the bound only guards against a hang.
		String filter = "$.tasks[?(@.attemptNumber > 0 && @.resourceId != 'tm-3' && @.subtaskIndex in "
				+ onTm3 + ")]";
		await("tasks of tm-3 redeployed").atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.cluster.<List<?>>read("/jobs/" + jobId, filter).size() == onTm3.size());
		String details = this.cluster.get("/jobs/" + jobId);
		List<Number> redeployedAt = read(details, filter + ".lastStateChangeMillis");
		long latestRedeployment = redeployedAt.stream().mapToLong(Number::longValue).max().orElseThrow();
		assertThat(Duration.ofMillis(latestRedeployment - sigtermMillis))
			.as("SIGTERM to the last redeployed attempt's state change, read from GET /jobs/%s", jobId)
			.isLessThan(DemoCluster.HEARTBEAT_TIMEOUT);
		assertThat(DemoClusterIT.<List<Object>>read(details, filter + ".failureCause")).allSatisfy(
				(cause) -> assertThat((String) cause).contains("tm-3 disconnected").doesNotContain("heartbeat"));
		assertThat(this.cluster.<List<String>>read("/taskmanagers", "$[?(@.resourceId=='tm-3')].state"))
			.containsExactly("DISCONNECTED");
		awaitJobStatus(jobId, "FINISHED");

		// Restarted by hand with the same resource id, it replaces its earlier registration.
		int before = registrations("tm-3");
		this.cluster.startTaskManager("tm-3");
		this.cluster.awaitRegistered("tm-3");
		assertThat(registrations("tm-3")).isEqualTo(before + 1);
	}

	@Test
	@Order(6)
	void frozenTaskManagerDeclaredLostCancelsItsOldTasksAndRegistersAgainWhenItResumes() throws Exception {
		String jobId = this.cluster.submitJob("e2e-freeze", 6, 20_000);
		await("a task of the job running on tm-1").atMost(JOB_TIMEOUT)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> !this.cluster
				.<List<?>>read("/jobs/" + jobId, "$.tasks[?(@.resourceId=='tm-1' && @.state=='RUNNING')]")
				.isEmpty());
		// Counted, not assumed: on a loaded machine a TaskManager may already have registered again.
		int before = registrations("tm-1");

		this.cluster.freezeTaskManager("tm-1", true);
		try {
			await("tm-1 declared lost").atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> this.cluster.<List<String>>read("/taskmanagers", "$[?(@.resourceId=='tm-1')].state")
					.equals(List.of("LOST")));
		}
		finally {
			this.cluster.freezeTaskManager("tm-1", false);
		}

		await("tm-1 registered again").atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.cluster.<List<Integer>>read("/taskmanagers",
					"$[?(@.resourceId=='tm-1' && @.state=='REGISTERED')].registrations"),
					(r) -> r.size() == 1 && r.get(0) > before);
		awaitJobStatus(jobId, "FINISHED");
		String details = this.cluster.get("/jobs/" + jobId);
		assertThat(DemoClusterIT.<Integer>read(details, "$.redeployments")).isPositive();
		assertThat(DemoClusterIT.<List<Object>>read(details, "$.tasks[*].state")).containsOnly("FINISHED");
	}

	@Test
	@Order(7)
	void restartedJobMasterWithoutHighAvailabilityIsFoundAgainByTheTaskManagersWhichRegisterAgain() throws Exception {
		this.cluster.stopJobMaster();
		this.cluster.startJobMaster();

		// Without high availability the standalone leader always has the all-zero session id; the new
		// ResourceManager does not know the TaskManagers, so they register again.
		assertThat(this.cluster.<String>read("/cluster", "$.role")).isEqualTo("LEADER");
		assertThat(this.cluster.<String>read("/cluster", "$.leaderId")).isEqualTo(new java.util.UUID(0, 0).toString());
		this.cluster.awaitRegistered("tm-1", "tm-2", "tm-3");
		String jobId = this.cluster.submitJob("e2e-new-leader", 3, 3_000);
		awaitJobStatus(jobId, "FINISHED");
	}

	private int registrations(String resourceId) throws Exception {
		List<Integer> registrations = this.cluster.read("/taskmanagers",
				"$[?(@.resourceId=='" + resourceId + "')].registrations");
		return registrations.isEmpty() ? 0 : registrations.get(0);
	}

	private void awaitJobStatus(String jobId, String status) {
		await("job " + jobId + " " + status).atMost(JOB_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.cluster.read("/jobs/" + jobId, "$.status"), status::equals);
	}

	private static <T> T read(String json, String path) {
		return JsonPath.parse(json).read(path);
	}

	private WebDriver startChromium() throws IOException {
		Path chromium = onPath("chromium");
		Path chromedriver = onPath("chromedriver");
		Path profile = this.userDataDir.resolve("chromium-profile-" + System.nanoTime());
		Files.createDirectories(profile);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,2000", "--user-data-dir=" + profile);
		// An explicit driver executable: Selenium Manager never runs, nothing is downloaded.
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/**
	 * Finds Debian's browser or driver on the PATH. The build installs both before this test when it
	 * runs as root with apt-get (src/test/scripts/ensure-chromium.sh); otherwise this fails and says
	 * what to install.
	 */
	private static Path onPath(String command) {
		String path = System.getenv().getOrDefault("PATH", "");
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		throw new AssertionError("The dashboard browser test needs Debian's headless Chromium, but '" + command
				+ "' is not on the PATH (" + path + "). Install it as root: " + BROWSER_PACKAGES
				+ ". The build does so by itself when it runs as root with apt-get.");
	}

	private static int chartSamples(WebDriver driver, String canvasId) {
		String samples = driver.findElement(By.id(canvasId)).getDomAttribute("data-samples");
		return (samples != null) ? Integer.parseInt(samples) : 0;
	}

	private static long paintedPixels(WebDriver driver, String canvasId) {
		Object count = ((JavascriptExecutor) driver).executeScript("const c = document.getElementById(arguments[0]);"
				+ "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
				+ "for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;", canvasId);
		return ((Number) count).longValue();
	}

}
