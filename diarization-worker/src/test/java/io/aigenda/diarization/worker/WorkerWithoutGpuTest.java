package io.aigenda.diarization.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.aigenda.contracts.Diarize;
import io.aigenda.contracts.Queues;
import io.aigenda.diarization.DiarizationWorkerApplication;
import io.aigenda.diarization.TestModels;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIf;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker asked to diarize on cuda where there is no GPU (this machine; the tests
 * carry ONNX Runtime's CPU build, or its CUDA build with {@code -Pgpu}): it starts, with
 * an ONNX embedder configured as a GPU deployment would, says over its real readiness
 * endpoint why it is not ready, stays live, and leaves diarization messages in the real
 * RabbitMQ queue for a worker that can run them.
 */
@DisabledIf(value = "cudaMayWorkHere", disabledReason = "a GPU and ONNX Runtime's CUDA build are here")
@SpringBootTest(classes = DiarizationWorkerApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + DiarizationWorkerApplication.CONFIG_NAME,
				"aigenda.diarization.models.device=cuda", "aigenda.diarization.models.embedder=onnx" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerWithoutGpuTest {

	private static final String NAMESPACE = "test-" + UUID.randomUUID();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Messages messages;

	@Autowired
	Topology topology;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	RabbitListenerEndpointRegistry listeners;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("aigenda.messaging.namespace", () -> NAMESPACE);
		registry.add("aigenda.diarization.models.embedding-model", () -> TestModels.model("tiny-wespeaker.onnx"));
	}

	static boolean cudaMayWorkHere() {
		return Files.exists(Path.of("/dev/nvidia0"))
				&& OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
	}

	@AfterAll
	void deleteTheTestQueues() {
		for (String base : Topology.queueBases()) {
			this.admin.deleteQueue(this.topology.queue(base));
			this.admin.deleteQueue(this.topology.deadLetterQueue(base));
		}
		this.admin.deleteExchange(this.topology.commandsExchange());
		this.admin.deleteExchange(this.topology.eventsExchange());
		this.admin.deleteExchange(this.topology.deadLetterExchange());
	}

	@Test
	void readinessIsDownWithTheReasonAndLivenessIsUp() throws Exception {
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(503);
		JsonNode body = JsonMapper.builder().build().readTree(readiness.body());
		assertThat(body.path("status").asString()).isEqualTo("DOWN");
		JsonNode device = body.path("components").path("device");
		assertThat(device.path("status").asString()).isEqualTo("DOWN");
		assertThat(device.path("details").path("device").asString()).isEqualTo("cuda");
		// the cause is the CPU build here, or the missing CUDA libraries with -Pgpu
		assertThat(device.path("details").path("reason").asString())
			.startsWith("ONNX Runtime's CUDA execution provider is unavailable: ")
			.contains("AIGENDA_DIARIZATION_DEVICE=cpu")
			.doesNotContain("\n");
		// only the device keeps it from being ready: the broker answers
		assertThat(body.path("components").path("rabbit").path("status").asString()).isEqualTo("UP");

		HttpResponse<String> liveness = get("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"UP\"");
	}

	@Test
	void diarizationMessagesStayInTheQueue() {
		assertThat(this.listeners.getListenerContainers()).isNotEmpty()
			.allSatisfy(container -> assertThat(container.isRunning()).isFalse());
		String queue = this.topology.queue(Queues.DIARIZE);
		String deadLetters = this.topology.deadLetterQueue(Queues.DIARIZE);

		this.messages.sendCommand(Queues.DIARIZE,
				new Diarize(UUID.randomUUID(), UUID.randomUUID(), 1, Instant.now().plusSeconds(600),
						"http://127.0.0.1:9/recording.wav", null, null, "http://127.0.0.1:9/result.json",
						"orgs/o/meetings/m/artifacts/diarization.json"));

		// a consumer would take it within milliseconds; it must still be there, untaken,
		// seconds later
		await().atMost(Duration.ofSeconds(10)).until(() -> info(queue).getMessageCount() == 1);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
			QueueInformation waiting = info(queue);
			return waiting.getMessageCount() == 1 && waiting.getConsumerCount() == 0;
		});
		assertThat(info(deadLetters).getMessageCount()).isZero();
	}

	private QueueInformation info(String queue) {
		QueueInformation information = this.admin.getQueueInfo(queue);
		assertThat(information).as("queue " + queue).isNotNull();
		return information;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
