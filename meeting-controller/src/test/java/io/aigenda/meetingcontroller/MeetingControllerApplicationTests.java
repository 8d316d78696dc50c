package io.aigenda.meetingcontroller;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import io.aigenda.contracts.Queues;
import io.aigenda.messaging.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the service on the machine's RabbitMQ, in a namespace of its own. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=" + MeetingControllerApplication.CONFIG_NAME)
@TestInstance(Lifecycle.PER_CLASS)
class MeetingControllerApplicationTests {

	private static final String NAMESPACE = "test-" + UUID.randomUUID();

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private Topology topology;

	@Autowired
	private AmqpAdmin admin;

	@Autowired
	private Declarables aigendaTopology;

	@DynamicPropertySource
	static void namespace(DynamicPropertyRegistry registry) {
		registry.add("aigenda.messaging.namespace", () -> NAMESPACE);
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:mem:" + NAMESPACE + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
	}

	@Test
	void healthIsUpWithTheBrokerReachable() throws Exception {
		HttpResponse<String> response = get("/actuator/health");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = this.json.readTree(response.body());
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("rabbit").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void declaresTheTopologyInItsNamespaceOnTheBroker() {
		assertThat(this.topology.namespace()).isEqualTo(NAMESPACE);
		assertThat(this.admin.getQueueInfo(this.topology.queue(Queues.PROCESS_MEETING))).isNotNull();
	}

	@Test
	void infoShowsTheRecorderProviderAndLimit() throws Exception {
		JsonNode info = this.json.readTree(get("/actuator/info").body());

		assertThat(info.path("recorder").path("provider").asString()).isEqualTo("local");
		assertThat(info.path("recorder").path("maxBotsPerOrganisation").asInt()).isEqualTo(2);
	}

	@Test
	void metricsAreExposedForPrometheus() throws Exception {
		HttpResponse<String> response = get("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes");
	}

	/** Test namespaces would otherwise pile up on the shared broker. */
	@AfterAll
	void removeNamespaceFromBroker() {
		for (Queue queue : this.aigendaTopology.getDeclarablesByType(Queue.class)) {
			this.admin.deleteQueue(queue.getName());
		}
		for (Exchange exchange : this.aigendaTopology.getDeclarablesByType(Exchange.class)) {
			this.admin.deleteExchange(exchange.getName());
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
