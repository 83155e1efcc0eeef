package org.actorrpc.demo.jobmaster.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The script the build runs before the browser test ({@code src/test/scripts/ensure-chromium.sh}),
 * run with a PATH of its own: a directory holding the few tools it uses, and fakes of
 * {@code apt-get}, {@code chromium} and {@code chromedriver} where a case needs them. Nothing is
 * installed for real.
 */
class EnsureChromiumScriptTests {

	private static final Path SCRIPT = Path.of("src", "test", "scripts", "ensure-chromium.sh");

	private static final List<String> TOOLS = List.of("id", "mktemp", "dirname", "mkdir", "tail", "head");

	@TempDir
	Path bin;

	@BeforeEach
	void linkTools() throws IOException {
		for (String tool : TOOLS) {
			Files.createSymbolicLink(this.bin.resolve(tool), onPath(tool));
		}
	}

	@Test
	void browserOnThePathNeedsNothing() throws Exception {
		fake("chromium", "echo Chromium 150");
		fake("chromedriver", "echo ChromeDriver 150");
		fake("apt-get", "echo called >> '" + this.bin.resolve("apt-get.calls") + "'");

		Result result = run();

		assertThat(result.exitCode()).isZero();
		assertThat(result.output()).isEmpty();
		assertThat(this.bin.resolve("apt-get.calls")).doesNotExist();
	}

	@Test
	void withoutAptGetItSaysExactlyWhatToInstallAndLetsTheBuildGoOn() throws Exception {
		fake("chromium", "echo Chromium 150");

		Result result = run();

		assertThat(result.exitCode()).isZero();
		assertThat(result.output()).contains("chromedriver not found")
			.contains("apt-get update && apt-get install -y chromium chromium-driver")
			.contains("browser test will fail");
	}

	@Test
	void asRootWithAptGetItInstallsDebiansPackagesSayingSoInOneLine() throws Exception {
		assumeThat(run("id", "-u").output().trim()).as("this case needs root, as on CI").isEqualTo("0");
		Path calls = this.bin.resolve("apt-get.calls");
		fake("apt-get", "echo \"$*\" >> '" + calls + "'\n" + "if [ \"$1\" = install ]; then\n"
				+ "  printf '#!/bin/sh\\necho Chromium 150\\n' > '" + this.bin.resolve("chromium") + "'\n"
				+ "  printf '#!/bin/sh\\n' > '" + this.bin.resolve("chromedriver") + "'\n" + "  chmod +x '"
				+ this.bin.resolve("chromium") + "' '" + this.bin.resolve("chromedriver") + "'\n" + "fi");
		Files.createSymbolicLink(this.bin.resolve("chmod"), onPath("chmod"));

		Result result = run();

		assertThat(result.exitCode()).isZero();
		assertThat(Files.readAllLines(calls)).containsExactly("update -q", "install -y -q chromium chromium-driver");
		assertThat(result.output().lines()).hasSize(2)
			.first()
			.asString()
			.contains("installing Debian's packages (chromium chromium-driver) with apt-get");
		assertThat(result.output()).containsPattern("installed in \\d+ s: Chromium 150");
	}

	@Test
	void failingAptGetFailsTheBuildShowingItsOutput() throws Exception {
		assumeThat(run("id", "-u").output().trim()).as("this case needs root, as on CI").isEqualTo("0");
		fake("apt-get", "echo 'E: Unable to locate package chromium' >&2\nexit 100");

		Result result = run();

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("apt-get failed").contains("E: Unable to locate package chromium");
	}

	private Result run() throws Exception {
		return run(onPath("bash").toString(), SCRIPT.toString(), this.bin.resolve("apt-get.log").toString());
	}

	private Result run(String... command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PATH", this.bin.toString());
		Process process = builder.start();
		process.getOutputStream().close();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " did not end within 60 s");
		}
		return new Result(process.exitValue(),
				new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	private void fake(String name, String body) throws IOException {
		Path file = this.bin.resolve(name);
		Files.writeString(file, "#!" + onPath("bash") + "\n" + body + "\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private static Path onPath(String tool) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, tool);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException(tool + " is not on the PATH");
	}

	private record Result(int exitCode, String output) {

	}

}
