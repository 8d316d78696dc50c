package io.aigenda.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.aigenda.app.client.BackendClient;
import io.aigenda.app.platform.Platform;
import io.aigenda.app.process.MeetingProcessor;
import io.aigenda.contracts.Language;
import io.aigenda.messaging.Topology;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform in this JVM for an end-to-end test, on a fresh database of the
 * machine's PostgreSQL, with the REST calls such tests make. On the machine's RabbitMQ it
 * runs in a {@code test-} namespace whose queues and exchanges it deletes when closed;
 * the embedded broker keeps a test independent of that RabbitMQ's state.
 */
public final class TestPlatform implements AutoCloseable {

	public enum Broker {

		/** The machine's RabbitMQ at 127.0.0.1:5672. */
		RABBITMQ,

		/** The platform's own embedded AMQP broker (the one-machine mode). */
		EMBEDDED

	}

	private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final Platform platform;

	private final String database;

	private final String namespace;

	private final Broker broker;

	private TestPlatform(Platform platform, String database, String namespace, Broker broker) {
		this.platform = platform;
		this.database = database;
		this.namespace = namespace;
		this.broker = broker;
	}

	public static TestPlatform start(Path dataDir, Broker broker) {
		return start(dataDir, broker, Map.of());
	}

	/**
	 * @param settings further platform settings ({@code aigenda.verbose},
	 * {@code aigenda.log-format}...)
	 */
	public static TestPlatform start(Path dataDir, Broker broker, Map<String, String> settings) {
		String database = "aigenda_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String namespace = "test-" + UUID.randomUUID();
		sql("create database " + database);
		Map<String, String> properties = new HashMap<>(Map.of("aigenda.data-dir", dataDir.toString(), "aigenda.port",
				"0", "aigenda.database.url", POSTGRES + database, "aigenda.database.username", "postgres",
				"aigenda.messaging.namespace", namespace));
		properties.putAll(settings);
		if (broker == Broker.EMBEDDED) {
			properties.put("aigenda.broker.embedded", "true");
		}
		else {
			properties.put("aigenda.broker.host", "127.0.0.1");
			properties.put("aigenda.broker.port", "5672");
		}
		try {
			return new TestPlatform(Platform.start(properties), database, namespace, broker);
		}
		catch (RuntimeException ex) {
			dropQuietly(database, namespace, broker);
			throw ex;
		}
	}

	public Platform platform() {
		return this.platform;
	}

	/** A REST client signed in as the platform's administrator. */
	public BackendClient client() {
		return new BackendClient(this.platform.backendUrl(), this.platform.adminToken());
	}

	public String adminToken() {
		return this.platform.adminToken();
	}

	/** Uploads a recording as a meeting and waits until it is processed. */
	public UUID process(String token, Path file, Path outDir) {
		BackendClient client = new BackendClient(this.platform.backendUrl(), token);
		MeetingProcessor.Result result = new MeetingProcessor(client, outDir,
				new PrintStream(new ByteArrayOutputStream(), true), false, Duration.ofMinutes(10))
			.process(file, Language.EN);
		assertThat(result.failureReason()).isNull();
		return result.meetingId();
	}

	/** A user of a new organisation, by its API token. */
	public String otherOrganisationToken(String admin) {
		HttpResponse<String> organisation = call("POST", "/api/v1/admin/organisations", admin,
				"{\"name\":\"Other " + UUID.randomUUID() + "\"}");
		assertThat(organisation.statusCode()).as(organisation.body()).isEqualTo(201);
		String id = json(organisation).path("id").asString();
		HttpResponse<String> user = call("POST", "/api/v1/admin/organisations/" + id + "/users", admin,
				"{\"email\":\"" + UUID.randomUUID() + "@other.test\",\"password\":\"other-password\"}");
		assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
		return json(user).path("apiToken").asString();
	}

	/** A JSON request (or none, when {@code body} is null). */
	public HttpResponse<String> call(String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.platform.backendUrl() + path))
			.header("Authorization", "Bearer " + token);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return send(request.build());
	}

	/**
	 * A multipart/form-data POST of text fields and, unless {@code file} is null, a file
	 * part.
	 */
	public HttpResponse<String> postMultipart(String path, String token, Map<String, String> fields, String fileField,
			Path file) {
		String boundary = "aigenda-test-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			for (Map.Entry<String, String> field : fields.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
						+ "\"\r\n\r\n" + field.getValue() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			if (file != null) {
				body.write(
						("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
								+ file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
							.getBytes(StandardCharsets.UTF_8));
				body.write(Files.readAllBytes(file));
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return send(HttpRequest.newBuilder(URI.create(this.platform.backendUrl() + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	@Override
	public void close() {
		try {
			this.platform.close();
		}
		finally {
			dropQuietly(this.database, this.namespace, this.broker);
		}
	}

	private static void dropQuietly(String database, String namespace, Broker broker) {
		sql("drop database if exists " + database + " with (force)");
		if (broker == Broker.RABBITMQ) {
			deleteNamespace(namespace);
		}
	}

	/** Deletes every queue and exchange of a namespace from the machine's RabbitMQ. */
	public static void deleteNamespace(String namespace) {
		CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
		connections.setUsername("guest");
		connections.setPassword("guest");
		try {
			RabbitAdmin admin = new RabbitAdmin(connections);
			Topology topology = new Topology(namespace);
			for (String base : Topology.queueBases()) {
				admin.deleteQueue(topology.queue(base));
				admin.deleteQueue(topology.deadLetterQueue(base));
			}
			admin.deleteExchange(topology.commandsExchange());
			admin.deleteExchange(topology.eventsExchange());
			admin.deleteExchange(topology.deadLetterExchange());
			for (String base : Topology.queueBases()) {
				if (admin.getQueueProperties(topology.queue(base)) != null) {
					throw new IllegalStateException("Queue " + topology.queue(base) + " is still on the broker");
				}
			}
		}
		finally {
			connections.destroy();
		}
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sql(String statement) {
		try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(statement + ": " + ex.getMessage(), ex);
		}
	}

}
