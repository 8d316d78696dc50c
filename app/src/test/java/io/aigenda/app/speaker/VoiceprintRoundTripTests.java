package io.aigenda.app.speaker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.aigenda.app.PlatformFiles;
import io.aigenda.app.client.BackendClient;
import io.aigenda.app.platform.Platform;
import io.aigenda.app.process.MeetingProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Voiceprints through the REST API on the whole platform: a speaker named in one AMI clip is
 * recognised by name in another clip of the same meeting (the same two people), and never in
 * another organisation. Runs on the machine's PostgreSQL and the platform's embedded AMQP broker
 * (the one-machine mode), so it does not depend on the shared RabbitMQ's state.
 */
class VoiceprintRoundTripTests {

	private static final Path DEV00 = PlatformFiles.SHARED.resolve("eval-dev/diarization/ami_dev/dev00.wav");

	private static final Path DEV01 = PlatformFiles.SHARED.resolve("eval-dev/diarization/ami_dev/dev01.wav");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String DATABASE = "aigenda_app_vp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@TempDir
	static Path dataDir;

	@TempDir
	static Path outDir;

	static Platform platform;

	@BeforeAll
	static void start() throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("create database " + DATABASE);
		}
		platform = Platform.start(Map.of("aigenda.data-dir", dataDir.toString(), "aigenda.port", "0",
				"aigenda.database.url", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "aigenda.database.username",
				"postgres",
				"aigenda.messaging.namespace", "test-" + UUID.randomUUID(), "aigenda.broker.embedded", "true"));
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
	void aSpeakerNamedInOneMeetingIsNamedInTheNextOnlyInItsOrganisation() throws Exception {
		String admin = platform.adminToken();
		UUID first = process(admin, DEV00, "first");
		// The CLI's RTTM of the turns scores like the worker's own output (DER on the same clip).
		assertThat(io.aigenda.diarization.eval.RttmFiles.read(outDir.resolve("first/dev00.rttm")).get("dev00"))
			.isNotEmpty();
		JsonNode speakers = json(call("GET", "/api/v1/meetings/" + first + "/speakers", admin, null));
		assertThat(speakers.size()).isEqualTo(2);
		// The longest-talking speaker of the first clip gets a name.
		JsonNode named = speakers.get(0).path("talkTimeSeconds").asDouble() >= speakers.get(1)
			.path("talkTimeSeconds")
			.asDouble() ? speakers.get(0) : speakers.get(1);
		HttpResponse<String> renamed = call("PUT",
				"/api/v1/meetings/" + first + "/speakers/" + named.path("label").asString(), admin,
				"{\"name\":\"Alice Example\"}");
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
		// The ml-controller stores the voiceprint within moments (outbox, then one command).
		Thread.sleep(3000);

		UUID later = process(admin, DEV01, "later");
		JsonNode laterSpeakers = json(call("GET", "/api/v1/meetings/" + later + "/speakers", admin, null));
		System.out.println("first meeting: " + speakers + "\nlater meeting: " + laterSpeakers);
		JsonNode recognised = null;
		for (JsonNode s : laterSpeakers) {
			if ("Alice Example".equals(s.path("name").asString(null))) {
				assertThat(recognised).as("one speaker per name").isNull();
				recognised = s;
			}
		}
		assertThat(recognised).as("a speaker of the later meeting named by voiceprint").isNotNull();
		assertThat(recognised.path("voiceprint").path("confidence").asDouble()).isBetween(0.75, 1.0);
		assertThat(call("GET", "/api/v1/meetings/" + later + "/export?format=txt", admin, null).body())
			.contains("Alice Example:");

		String other = otherOrganisationToken(admin);
		UUID elsewhere = process(other, DEV01, "elsewhere");
		JsonNode elsewhereSpeakers = json(call("GET", "/api/v1/meetings/" + elsewhere + "/speakers", other, null));
		for (JsonNode s : elsewhereSpeakers) {
			assertThat(s.path("name").isNull()).as(s.toString()).isTrue();
		}
		assertThat(json(call("GET", "/api/v1/voiceprints", other, null)).size()).isZero();
	}

	private UUID process(String token, Path file, String folder) {
		BackendClient client = new BackendClient(platform.backendUrl(), token);
		MeetingProcessor.Result result = new MeetingProcessor(client, outDir.resolve(folder),
				new PrintStream(new ByteArrayOutputStream(), true), false, Duration.ofMinutes(10))
			.process(file, "en");
		assertThat(result.failureReason()).isNull();
		return result.meetingId();
	}

	private static String otherOrganisationToken(String admin) {
		HttpResponse<String> organisation = call("POST", "/api/v1/admin/organisations", admin,
				"{\"name\":\"Other " + UUID.randomUUID() + "\"}");
		assertThat(organisation.statusCode()).as(organisation.body()).isEqualTo(201);
		String id = json(organisation).path("id").asString();
		HttpResponse<String> user = call("POST", "/api/v1/admin/organisations/" + id + "/users", admin,
				"{\"email\":\"" + UUID.randomUUID() + "@other.test\",\"password\":\"other-password\"}");
		assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
		return json(user).path("apiToken").asString();
	}

	private static HttpResponse<String> call(String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.backendUrl() + path))
			.header("Authorization", "Bearer " + token);
		if (body != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
