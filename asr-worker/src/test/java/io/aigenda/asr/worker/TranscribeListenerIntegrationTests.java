package io.aigenda.asr.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aigenda.asr.AsrWorkerApplication;
import io.aigenda.asr.EvalDev;
import io.aigenda.asr.eval.WordErrorRate;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.Transcribe;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.contracts.Word;
import io.aigenda.messaging.ContractMessageConverter;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

/**
 * The worker on the real RabbitMQ of this machine (a namespace of its own), with a JDK
 * HTTP server in the role of the object store behind presigned URLs.
 */
@SpringBootTest(classes = AsrWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.config.name=" + AsrWorkerApplication.CONFIG_NAME)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscribeListenerIntegrationTests {

	private static final String NAMESPACE = "test-" + UUID.randomUUID();

	private static final Duration WAIT = Duration.ofSeconds(90);

	private static final Path TEMP_DIR = createTempDir();

	private final Map<String, byte[]> stored = new ConcurrentHashMap<>();

	private HttpServer storage;

	@Autowired
	private Messages messages;

	@Autowired
	private Topology topology;

	@Autowired
	private RabbitTemplate rabbit;

	@Autowired
	private AmqpAdmin admin;

	@Autowired
	private Declarables declarables;

	@Autowired
	private RabbitListenerEndpointRegistry listeners;

	private final ContractMessageConverter converter = new ContractMessageConverter();

	private final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void isolate(DynamicPropertyRegistry registry) {
		registry.add("aigenda.messaging.namespace", () -> NAMESPACE);
		registry.add("aigenda.asr.worker.temp-dir", TEMP_DIR::toString);
	}

	@BeforeAll
	void startStorage() throws IOException {
		this.storage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		serveFile("/recordings/jfk.wav", EvalDev.shared("eval-dev/asr/en/jfk.wav"));
		serveFile("/recordings/notes.wav", EvalDev.shared("eval-dev/asr/en/jfk.txt"));
		this.storage.createContext("/artifacts/", this::storeArtifact);
		this.storage.createContext("/", exchange -> respond(exchange, 404, new byte[0]));
		this.storage.start();
	}

	@AfterAll
	void stopStorageAndRemoveTopology() {
		this.storage.stop(0);
		// Consumers first, so deleting their queue is not reported as a broker-side
		// cancel.
		this.listeners.stop();
		for (Queue queue : this.declarables.getDeclarablesByType(Queue.class)) {
			this.admin.deleteQueue(queue.getName());
		}
		for (Exchange exchange : this.declarables.getDeclarablesByType(Exchange.class)) {
			this.admin.deleteExchange(exchange.getName());
		}
	}

	@Test
	void transcribeStoresTheTranscriptAndAnnouncesIt() throws Exception {
		Transcribe command = command("/recordings/jfk.wav", "first");

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		List<Object> events = eventsUntilDone(command);

		TranscriptReady ready = (TranscriptReady) events.getLast();
		assertThat(ready.meetingId()).isEqualTo(command.meetingId());
		assertThat(ready.attempt()).isEqualTo(command.attempt());
		assertThat(ready.resultKey()).isEqualTo(command.resultKey());
		assertThat(ready.engine()).isEqualTo("vosk");
		assertThat(ready.language()).isEqualTo(Language.EN);
		assertThat(ready.audioSeconds()).isEqualTo(11.0);
		assertThat(ready.processingSeconds()).isPositive();

		TranscriptDocument document = this.json.readValue(this.stored.get("first"), TranscriptDocument.class);
		assertThat(document.words()).hasSize(ready.wordCount());
		String text = String.join(" ", document.words().stream().map(Word::text).toList());
		String reference = Files.readString(EvalDev.shared("eval-dev/asr/en/jfk.txt"));
		assertThat(WordErrorRate.compute(reference, text).wer()).isLessThan(0.15);

		List<Double> progress = events.stream()
			.filter(StepProgress.class::isInstance)
			.map(event -> ((StepProgress) event).fraction())
			.toList();
		assertThat(progress).hasSizeGreaterThanOrEqualTo(3).isSorted().startsWith(0.0).endsWith(1.0);
		assertThat(events).filteredOn(StepProgress.class::isInstance)
			.allSatisfy(event -> assertThat(((StepProgress) event).step()).isEqualTo(StepKind.TRANSCRIBE));
		assertNoTemporaryFilesLeft();
	}

	@Test
	void redeliveredStepStoresTheSameTranscriptAgain() throws Exception {
		Transcribe command = command("/recordings/jfk.wav", "again");

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		eventsUntilDone(command);
		TranscriptDocument first = this.json.readValue(this.stored.get("again"), TranscriptDocument.class);
		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		List<Object> events = eventsUntilDone(command);
		TranscriptDocument second = this.json.readValue(this.stored.get("again"), TranscriptDocument.class);

		assertThat(events.getLast()).isInstanceOf(TranscriptReady.class);
		// Same words at the same times; Vosk is not bit-exact between runs (confidences
		// and times move
		// in the last digits), so the stored document is the same up to that.
		assertThat(second.words()).extracting(Word::text)
			.containsExactlyElementsOf(first.words().stream().map(Word::text).toList());
		for (int i = 0; i < first.words().size(); i++) {
			Word before = first.words().get(i);
			Word after = second.words().get(i);
			assertThat(after.start()).isCloseTo(before.start(), within(0.05));
			assertThat(after.end()).isCloseTo(before.end(), within(0.05));
			assertThat(after.confidence()).isCloseTo(before.confidence(), within(0.05));
		}
	}

	@Test
	void textFileServedAsAudioFailsWithoutRetry() throws Exception {
		Transcribe command = command("/recordings/notes.wav", "text");

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		List<Object> events = eventsUntilDone(command);

		StepFailed failed = (StepFailed) events.getLast();
		assertThat(failed.retryable()).isFalse();
		assertThat(failed.step()).isEqualTo(StepKind.TRANSCRIBE);
		assertThat(failed.stepId()).isEqualTo(command.stepId());
		assertThat(failed.reason()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
		assertThat(this.stored).doesNotContainKey("text");
		assertNoTemporaryFilesLeft();
	}

	@Test
	void missingRecordingFailsRetryably() throws Exception {
		Transcribe command = command("/recordings/missing.wav", "missing");

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		List<Object> events = eventsUntilDone(command);

		StepFailed failed = (StepFailed) events.getLast();
		assertThat(failed.retryable()).isTrue();
		assertThat(failed.reason()).contains("404").doesNotContain("127.0.0.1");
		assertThat(this.stored).doesNotContainKey("missing");
		assertNoTemporaryFilesLeft();
	}

	@Test
	void russianWithoutAModelFailsWithoutRetryNamingTheSetting() throws Exception {
		Transcribe base = command("/recordings/jfk.wav", "russian");
		Transcribe command = new Transcribe(base.meetingId(), base.stepId(), base.attempt(), base.deadline(),
				base.audioUrl(), Language.RU, base.resultUploadUrl(), base.resultKey());

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		List<Object> events = eventsUntilDone(command);

		StepFailed failed = (StepFailed) events.getLast();
		assertThat(failed.retryable()).isFalse();
		assertThat(failed.reason()).contains("aigenda.asr.vosk.model-dirs.ru");
		assertNoTemporaryFilesLeft();
	}

	private Transcribe command(String audioPath, String artifact) {
		UUID meetingId = UUID.randomUUID();
		String base = "http://127.0.0.1:" + this.storage.getAddress().getPort();
		return new Transcribe(meetingId, UUID.randomUUID(), 1, Instant.now().plus(Duration.ofMinutes(10)),
				base + audioPath + "?X-Amz-Signature=abc", Language.EN,
				base + "/artifacts/" + artifact + "?X-Amz-Signature=def",
				"orgs/o/meetings/" + meetingId + "/artifacts/transcript.asr.json");
	}

	/**
	 * Events of one step, in order, up to and including its TranscriptReady or
	 * StepFailed.
	 */
	private List<Object> eventsUntilDone(Transcribe command) {
		List<Object> events = new ArrayList<>();
		Instant until = Instant.now().plus(WAIT);
		while (Instant.now().isBefore(until)) {
			Message message = this.rabbit.receive(this.topology.queue(Queues.ML_EVENTS), 1000);
			if (message == null) {
				continue;
			}
			Object event = this.converter.fromMessage(message);
			if (!command.stepId().equals(stepIdOf(event))) {
				continue;
			}
			events.add(event);
			if (event instanceof TranscriptReady || event instanceof StepFailed) {
				return events;
			}
		}
		return fail("No TranscriptReady or StepFailed for step %s within %s; got %s", command.stepId(), WAIT, events);
	}

	private static UUID stepIdOf(Object event) {
		return switch (event) {
			case TranscriptReady ready -> ready.stepId();
			case StepFailed failed -> failed.stepId();
			case StepProgress progress -> progress.stepId();
			default -> null;
		};
	}

	private void assertNoTemporaryFilesLeft() throws IOException {
		try (var files = Files.list(TEMP_DIR)) {
			assertThat(files).as("temporary files of the worker").isEmpty();
		}
	}

	private void serveFile(String path, Path file) {
		this.storage.createContext(path, exchange -> {
			if (!"GET".equals(exchange.getRequestMethod())) {
				respond(exchange, 405, new byte[0]);
				return;
			}
			respond(exchange, 200, Files.readAllBytes(file));
		});
	}

	private void storeArtifact(HttpExchange exchange) throws IOException {
		if (!"PUT".equals(exchange.getRequestMethod())
				|| !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
			respond(exchange, 400, new byte[0]);
			return;
		}
		String name = exchange.getRequestURI().getPath().substring("/artifacts/".length());
		try (InputStream body = exchange.getRequestBody()) {
			this.stored.put(name, body.readAllBytes());
		}
		respond(exchange, 200, new byte[0]);
	}

	private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	private static Path createTempDir() {
		try {
			return Files.createTempDirectory("aigenda-asr-worker-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
