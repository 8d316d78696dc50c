package io.aigenda.backend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.MinutesReady;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.Word;
import io.aigenda.infra.EmbeddedS3;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.Topology;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the backend against the machine's PostgreSQL (a database of its own, recreated
 * once per test run), the machine's RabbitMQ (a namespace of its own) and an in-process
 * S3Proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=backend-service", "aigenda.backend.bootstrap.email=admin@test.local",
				"aigenda.backend.bootstrap.password=admin-password", "aigenda.backend.bootstrap.organisation=Test HQ",
				"aigenda.backend.bootstrap.api-token=" + BackendIntegrationTest.ADMIN_TOKEN,
				"aigenda.backend.service-token=" + BackendIntegrationTest.SERVICE_TOKEN,
				"aigenda.backend.upload.part-size-bytes=5242880", "aigenda.backend.outbox.interval=200ms" })
public abstract class BackendIntegrationTest {

	public static final String ADMIN_TOKEN = "agk_test-admin-token-0123456789";

	public static final String SERVICE_TOKEN = "test-service-token";

	// one database per test JVM, so builds running side by side on one PostgreSQL never
	// meet
	private static final String DATABASE = "aigenda_backend_test_"
			+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static final String NAMESPACE = "test-" + UUID.randomUUID();

	private static final EmbeddedS3 S3 = startS3();

	static {
		recreateDatabase();
	}

	protected static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected Messages messages;

	@Autowired
	protected RabbitTemplate rabbit;

	@Autowired
	protected Topology topology;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
		registry.add("aigenda.s3.endpoint", S3::endpoint);
		registry.add("aigenda.s3.access-key", S3::accessKey);
		registry.add("aigenda.s3.secret-key", S3::secretKey);
		registry.add("aigenda.s3.bucket", () -> "backend-test");
		registry.add("aigenda.messaging.namespace", () -> NAMESPACE);
	}

	protected static Path shared(String relative) {
		return Path.of(System.getProperty("aigenda.shared", "../shared"), relative);
	}

	protected URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	protected HttpResponse<String> send(String method, String path, String token, String jsonBody) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (jsonBody != null) {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return call(request.build());
	}

	protected HttpResponse<String> get(String path, String token) {
		return send("GET", path, token, null);
	}

	protected HttpResponse<String> basicGet(String path, String email, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		return call(HttpRequest.newBuilder(url(path)).header("Authorization", "Basic " + credentials).GET().build());
	}

	/** A multipart/form-data PUT with one part named {@code file}. */
	protected HttpResponse<String> putFile(String path, String token, String filename, byte[] content) {
		return multipart("PUT", path, token, Map.of(), filename, content);
	}

	/** A multipart/form-data request of text fields and one part named {@code file}. */
	protected HttpResponse<String> multipart(String method, String path, String token, Map<String, String> fields,
			String filename, byte[] content) {
		String boundary = "aigenda" + UUID.randomUUID();
		StringBuilder text = new StringBuilder();
		fields.forEach((name, value) -> text.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		byte[] head = (text + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return call(HttpRequest.newBuilder(url(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	protected static HttpResponse<String> call(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected JsonNode body(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	/** Creates a meeting as the given user and returns its id. */
	protected String createMeeting(String token, String title) {
		HttpResponse<String> created = send("POST", "/api/v1/meetings", token,
				"{\"title\":\"" + title + "\",\"language\":\"en\"}");
		if (created.statusCode() != 201) {
			throw new IllegalStateException("Could not create a meeting: " + created.body());
		}
		return body(created).path("id").asString();
	}

	/** A second organisation with one member; returns the member's API token. */
	protected String otherOrganisationToken() {
		String name = "Other " + UUID.randomUUID();
		HttpResponse<String> organisation = send("POST", "/api/v1/admin/organisations", ADMIN_TOKEN,
				"{\"name\":\"" + name + "\"}");
		String id = body(organisation).path("id").asString();
		HttpResponse<String> user = send("POST", "/api/v1/admin/organisations/" + id + "/users", ADMIN_TOKEN,
				"{\"email\":\"" + UUID.randomUUID() + "@other.test\",\"password\":\"other-password\"}");
		return body(user).path("apiToken").asString();
	}

	/**
	 * The next message of the given type on the queue whose text mentions the id (a
	 * meeting's or a bot's); messages for other tests are dropped on the way.
	 */
	protected <T> T receive(String queueBase, Class<T> type, String id) {
		String queue = this.topology.queue(queueBase);
		long deadline = System.currentTimeMillis() + 15_000;
		while (System.currentTimeMillis() < deadline) {
			Object received = this.rabbit.receiveAndConvert(queue, 1000);
			if (type.isInstance(received) && received.toString().contains(id)) {
				return type.cast(received);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " for " + id + " arrived");
	}

	protected static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static EmbeddedS3 startS3() {
		try {
			Path dir = Files.createTempDirectory("aigenda-backend-s3");
			EmbeddedS3 s3 = EmbeddedS3.start(dir, 0);
			Runtime.getRuntime().addShutdownHook(new Thread(s3::close));
			return s3;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void dropDatabase() {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE + " with (force)");
		}
		catch (SQLException ex) {
			// the JVM is ending; a leftover test database is harmless
		}
	}

	private static void recreateDatabase() {
		Runtime.getRuntime().addShutdownHook(new Thread(BackendIntegrationTest::dropDatabase));
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("create database " + DATABASE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for these tests", ex);
		}
	}

	/**
	 * A meeting processed as the pipeline would leave it: jfk.wav uploaded as its
	 * recording, then a transcript of {@code text} (one word per half second, speaker S1,
	 * confidence 0.95 except 0.3 at {@code doubtful}) and extractive minutes stored
	 * through presigned URLs and announced by MinutesReady.
	 */
	protected String processedMeeting(String title, String[] text, int doubtful, Language language) throws Exception {
		String id = createMeeting(ADMIN_TOKEN, title);
		HttpResponse<String> uploaded = putFile("/api/v1/meetings/" + id + "/recording", ADMIN_TOKEN, "jfk.wav",
				read(shared("eval-dev/asr/en/jfk.wav")));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		List<Word> words = new ArrayList<>();
		for (int i = 0; i < text.length; i++) {
			words.add(new Word(0.5 + i * 0.5, 0.9 + i * 0.5, text[i], i == doubtful ? 0.3 : 0.95, "S1"));
		}
		MeetingTranscript transcript = new MeetingTranscript(language, 11.0, List.of("S1"), words,
				List.of(new SpeakerTurn(0, 11.0, "S1")));
		HttpResponse<String> answer = send("POST", "/api/v1/internal/meetings/" + id + "/artifact-urls", SERVICE_TOKEN,
				"{\"get\":[],\"put\":[\"transcript.json\",\"minutes.json\"],\"ttlSeconds\":600}");
		JsonNode urls = body(answer);
		Minutes minutes = new Minutes(language, "extractive", "Ask what you can do.", List.of(), List.of(),
				List.of(new Minutes.ActionItem("Write the report", "S1", null, "S1", 1.0)), List.of());
		putJson(urls.path("putUrls").path("transcript.json").asString(), this.json.writeValueAsString(transcript));
		putJson(urls.path("putUrls").path("minutes.json").asString(), this.json.writeValueAsString(minutes));
		UUID organisation = UUID.fromString(body(get("/api/v1/me", ADMIN_TOKEN)).path("organisationId").asString());
		this.messages.publishEventConfirmed(
				new MinutesReady(UUID.fromString(id), organisation,
						urls.path("keys").path("transcript.json").asString(),
						urls.path("keys").path("minutes.json").asString(), language, 11.0, 1, Map.of()),
				UUID.randomUUID().toString());
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "PROCESSED".equals(body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("state").asString()));
		return id;
	}

	/** PUTs JSON to a presigned URL, expecting 200. */
	protected static void putJson(String url, String body) {
		HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

}
