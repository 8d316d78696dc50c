package io.aigenda.app.platform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.aigenda.app.client.BackendClient;
import io.aigenda.app.process.MeetingProcessor;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MinutesSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The no-infrastructure path: embedded PostgreSQL, the embedded AMQP broker and embedded
 * S3.
 */
class EmbeddedPlatformTests {

	@TempDir
	Path dataDir;

	@Test
	void serviceThatCannotStartIsReportedInOneLineAndNothingIsLeftRunning() {
		// nothing listens on port 1: the backend cannot create its bucket and fails to
		// start
		assertThatThrownBy(() -> Platform.start(Map.of("aigenda.data-dir", this.dataDir.toString(), "aigenda.port", "0",
				"aigenda.broker.embedded", "true", "aigenda.s3.endpoint", "http://127.0.0.1:1", "aigenda.s3.access-key",
				"a", "aigenda.s3.secret-key", "b")))
			.isInstanceOf(PlatformException.class)
			.hasMessageStartingWith("The backend did not start: ")
			.message()
			.doesNotContain("\n");

		// the embedded PostgreSQL was stopped again, or it would still hold its data
		// folder
		try (Platform platform = Platform.start(Map.of("aigenda.data-dir", this.dataDir.toString(), "aigenda.port", "0",
				"aigenda.broker.embedded", "true"))) {
			assertThat(platform.backendUrl()).isNotNull();
		}
	}

	@Test
	void recordingIsProcessedWithNothingInstalled() throws Exception {
		Path jfk = PlatformTests.JFK;
		try (Platform platform = Platform.start(Map.of("aigenda.data-dir", this.dataDir.toString(), "aigenda.port", "0",
				"aigenda.broker.embedded", "true", "aigenda.messaging.namespace", "test-" + UUID.randomUUID()))) {
			assertThat(platform.startupLog()).anyMatch(line -> line.contains("embedded PostgreSQL"))
				.anyMatch(line -> line.contains("embedded AMQP broker"))
				.anyMatch(line -> line.contains("embedded S3"));
			BackendClient client = new BackendClient(platform.backendUrl(), platform.adminToken());
			Path out = this.dataDir.resolve("out");

			MeetingProcessor.Result result = new MeetingProcessor(client, out,
					new PrintStream(new ByteArrayOutputStream(), true), false, Duration.ofMinutes(10))
				.process(jfk, Language.EN);

			assertThat(result.failureReason()).isNull();
			JsonNode transcript = JsonMapper.builder()
				.build()
				.readTree(Files.readString(out.resolve("jfk.transcript.json")));
			assertThat(transcript.get("words").size()).isGreaterThan(15);
			assertThat(MinutesSchema.validate(Files.readString(out.resolve("jfk.minutes.json")))).isEmpty();
		}
		// the data stays for the next run: PostgreSQL files, S3 objects and the admin
		// token
		assertThat(this.dataDir.resolve("postgres/PG_VERSION")).isRegularFile();
		assertThat(this.dataDir.resolve("admin-token")).isRegularFile();
		assertThat(this.dataDir.resolve("s3/aigenda")).isDirectory();
	}

}
