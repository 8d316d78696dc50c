package io.aigenda.llm.worker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.MinutesSchema;
import io.aigenda.contracts.MinutesWritten;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.Word;
import io.aigenda.contracts.WriteMinutes;
import io.aigenda.llm.LlmWorkerApplication;
import io.aigenda.llm.minutes.MinutesJson;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker on the real RabbitMQ, with a JDK HTTP server standing in for presigned S3
 * URLs.
 */
@SpringBootTest(classes = LlmWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.config.name=" + LlmWorkerApplication.CONFIG_NAME)
class WriteMinutesListenerTest {

	private static final String NAMESPACE = "test-" + UUID.randomUUID();

	private static final Map<String, byte[]> uploads = new ConcurrentHashMap<>();

	private static HttpServer server;

	@Autowired
	Messages messages;

	@Autowired
	Topology topology;

	@Autowired
	RabbitTemplate rabbit;

	@DynamicPropertySource
	static void namespace(DynamicPropertyRegistry registry) {
		registry.add("aigenda.messaging.namespace", () -> NAMESPACE);
	}

	@BeforeAll
	static void startStorage() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/transcript.json",
				exchange -> answer(exchange, 200, MinutesJson.writeTranscript(meeting())));
		server.createContext("/broken.json", exchange -> answer(exchange, 200, "{\"words\": [oops"));
		server.createContext("/minutes/", exchange -> {
			if (!"PUT".equals(exchange.getRequestMethod())
					|| !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
				answer(exchange, 400, "expected a JSON PUT");
				return;
			}
			uploads.put(exchange.getRequestURI().getPath(), exchange.getRequestBody().readAllBytes());
			answer(exchange, 200, "");
		});
		server.start();
	}

	@AfterAll
	static void stopStorage() {
		server.stop(0);
	}

	@Test
	void minutesAreWrittenStoredAndAnnounced() {
		WriteMinutes command = command("/transcript.json", "/minutes/ok.json");
		this.messages.sendCommand(Queues.WRITE_MINUTES, command);

		MinutesWritten written = awaitEvent(MinutesWritten.class, command.stepId());
		assertThat(written.resultKey()).isEqualTo(command.resultKey());
		assertThat(written.engine()).isEqualTo("extractive");
		assertThat(written.attempt()).isEqualTo(2);
		String json = new String(uploads.get("/minutes/ok.json"), StandardCharsets.UTF_8);
		assertThat(MinutesSchema.validate(json)).isEmpty();
		Minutes minutes = MinutesJson.read(json);
		assertThat(minutes.summary()).isNotBlank();
		assertThat(minutes.actionItems()).extracting(Minutes.ActionItem::owner).contains("S2");
	}

	@Test
	void missingTranscriptIsARetryableStepFailure() {
		WriteMinutes command = command("/nothing-here.json", "/minutes/missing.json");
		this.messages.sendCommand(Queues.WRITE_MINUTES, command);

		StepFailed failed = awaitEvent(StepFailed.class, command.stepId());
		assertThat(failed.step()).isEqualTo(StepKind.WRITE_MINUTES);
		assertThat(failed.retryable()).isTrue();
		assertThat(failed.reason()).contains("404");
		assertThat(uploads).doesNotContainKey("/minutes/missing.json");
	}

	@Test
	void malformedTranscriptIsAFinalStepFailure() {
		WriteMinutes command = command("/broken.json", "/minutes/broken.json");
		this.messages.sendCommand(Queues.WRITE_MINUTES, command);

		StepFailed failed = awaitEvent(StepFailed.class, command.stepId());
		assertThat(failed.retryable()).isFalse();
		assertThat(failed.reason()).startsWith("The transcript is not valid JSON");
	}

	private WriteMinutes command(String transcriptPath, String uploadPath) {
		String base = "http://127.0.0.1:" + server.getAddress().getPort();
		return new WriteMinutes(UUID.randomUUID(), UUID.randomUUID(), 2, Instant.now().plusSeconds(600), Language.EN,
				base + transcriptPath, base + uploadPath, "orgs/o/meetings/m/artifacts/minutes.json");
	}

	/**
	 * Events of all steps land in the controller's queue; progress events are checked on
	 * the way.
	 */
	private <T> T awaitEvent(Class<T> type, UUID stepId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		boolean progressSeen = false;
		while (System.nanoTime() < deadline) {
			Object event = this.rabbit.receiveAndConvert(this.topology.queue(Queues.ML_EVENTS), 500);
			if (event instanceof StepProgress progress && stepId.equals(progress.stepId())) {
				progressSeen = true;
			}
			if (type.isInstance(event) && stepId.equals(stepIdOf(event))) {
				assertThat(progressSeen).as("progress before the result").isTrue();
				return type.cast(event);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " for step " + stepId + " within 30 s");
	}

	private static UUID stepIdOf(Object event) {
		if (event instanceof MinutesWritten written) {
			return written.stepId();
		}
		if (event instanceof StepFailed failed) {
			return failed.stepId();
		}
		return null;
	}

	private static MeetingTranscript meeting() {
		String[][] lines = { { "S1", "Welcome everyone, today we review the new remote control design." },
				{ "S2", "The prototype has rubber buttons and a curved case." },
				{ "S1", "We decided to keep the yellow colour for the case." },
				{ "S2", "I'll send the final drawings to the factory by Friday." },
				{ "S1", "Great, thanks, see you next week." } };
		java.util.List<Word> words = new java.util.ArrayList<>();
		java.util.List<SpeakerTurn> turns = new java.util.ArrayList<>();
		double time = 0;
		for (String[] line : lines) {
			double start = time;
			for (String token : line[1].split(" ")) {
				words.add(new Word(time, time + 0.3, token, 0.95, line[0]));
				time += 0.35;
			}
			turns.add(new SpeakerTurn(start, time, line[0]));
			time += 0.5;
		}
		return new MeetingTranscript(Language.EN, time, java.util.List.of("S1", "S2"), words, turns);
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

}
