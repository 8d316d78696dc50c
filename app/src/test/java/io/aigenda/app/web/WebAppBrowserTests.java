package io.aigenda.app.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.aigenda.app.PlatformFiles;
import io.aigenda.app.platform.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built web app in headless Chromium (Debian's, driven by playwright-core) against
 * the whole platform in this JVM (the machine's PostgreSQL, the embedded AMQP broker,
 * S3Proxy): sign in, a resumable upload interrupted by a reload, live pipeline status, a
 * rejected upload leaving nothing behind, two speakers, the player synced with the
 * transcript, the transcript following playback, a timeline click seeking, speed, minutes
 * edited with undo and the warning before leaving unsaved edits, SRT, DOCX and PDF
 * exports (the PDF's text read back), a share link opened without cookies and refused
 * once revoked, phone tabs, rename and delete of a meeting, the 404 page, Russian, API
 * tokens, search across meetings opening a meeting at a hit's time, a question answered
 * with cited times, a bot invitation to a private address refused, webhooks (a private
 * address refused, a new endpoint's secret shown once) and sign-out, with axe-core on
 * every main page in the light and the dark colour scheme. The browser steps live in
 * {@code frontend/e2e/webapp.e2e.mjs}; screenshots go to {@code target/screenshots}.
 */
class WebAppBrowserTests {

	static final Path FRONTEND = Path.of("..", "frontend").toAbsolutePath().normalize();

	static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

	static final String DATABASE = "aigenda_app_web_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@TempDir
	static Path dataDir;

	static Platform platform;

	@BeforeAll
	static void start() throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("create database " + DATABASE);
		}
		platform = Platform
			.start(Map.of("aigenda.data-dir", dataDir.toString(), "aigenda.port", "0", "aigenda.database.url",
					"jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "aigenda.database.username", "postgres",
					"aigenda.broker.embedded", "true", "aigenda.messaging.namespace", "test-web-" + UUID.randomUUID()));
	}

	@AfterAll
	static void stop() throws Exception {
		if (platform != null) {
			platform.close();
		}
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE + " with (force)");
		}
	}

	@Test
	void personUploadsWatchesReviewsAndExportsAMeetingInTheBrowser() throws Exception {
		String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
		assertThat(Path.of(chromium)).as("Chromium for the browser test (apt-get install chromium)").isExecutable();
		assertThat(FRONTEND.resolve("node_modules/playwright-core"))
			.as("the frontend module's npm modules (built before this module)")
			.isDirectory();
		Files.createDirectories(SCREENSHOTS);
		Path log = SCREENSHOTS.resolve("e2e.log");
		ProcessBuilder builder = new ProcessBuilder("node", "e2e/webapp.e2e.mjs").directory(FRONTEND.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("AIGENDA_URL", platform.backendUrl().toString());
		builder.environment().put("AIGENDA_ADMIN_TOKEN", platform.adminToken());
		builder.environment().put("AIGENDA_SAMPLE", PlatformFiles.SAMPLE.toAbsolutePath().toString());
		builder.environment().put("SCREENSHOTS", SCREENSHOTS.toString());
		builder.environment().put("CHROMIUM", chromium);
		Process process = builder.start();
		boolean finished = process.waitFor(12, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		String output = read(log);
		System.out.println(output);
		assertThat(finished).as("the browser test finished in time:\n" + output).isTrue();
		assertThat(process.exitValue()).as("the browser test passed:\n" + output).isZero();
		assertThat(output).doesNotContain("check failed");
		for (String shot : new String[] { "upload-in-progress-1366.png", "upload-in-progress-phone.png",
				"meeting-1366.png", "meeting-phone.png", "minutes-1366.png", "minutes-phone.png", "search-1366.png",
				"ask-1366.png", "record-call-1366.png", "webhooks-1366.png", "meeting-playing-1366.png",
				"meeting-playing-1366-dark.png", "share-1366.png", "share-phone.png", "meetings-1366.png" }) {
			assertThat(SCREENSHOTS.resolve(shot)).as(shot).isNotEmptyFile();
		}
	}

	private static String read(Path log) throws IOException {
		return Files.exists(log) ? Files.readString(log) : "";
	}

}
