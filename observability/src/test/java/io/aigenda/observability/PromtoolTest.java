package io.aigenda.observability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus's own checker on the alert rules and their unit tests (promtool comes with
 * Debian's {@code prometheus} package, which CI installs).
 */
class PromtoolTest {

	@Test
	void alertRulesAreValid() throws Exception {
		assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS: 8 rules found");
	}

	@Test
	void mainAlertsFireWhenTheyShould() throws Exception {
		assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
	}

	private static String promtool(String... arguments) throws IOException, InterruptedException {
		String[] command = new String[arguments.length + 1];
		command[0] = "promtool";
		System.arraycopy(arguments, 0, command, 1, arguments.length);
		Process process;
		try {
			process = new ProcessBuilder(command).directory(DeployedMetricsTest.DEPLOY.resolve("prometheus").toFile())
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("promtool is not on the PATH: install Debian's prometheus package", ex);
		}
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
