package io.aigenda.diarization.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.DiarizationReady;
import io.aigenda.contracts.Diarize;
import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.diarization.DiarizationWorkerApplication;
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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker on the real RabbitMQ, with a JDK HTTP server standing in for presigned S3
 * URLs.
 */
@SpringBootTest(classes = DiarizationWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.config.name=" + DiarizationWorkerApplication.CONFIG_NAME)
class DiarizeListenerTest {

	private static final String NAMESPACE = "test-" + UUID.randomUUID();

	private static final Path SAMPLE = Path.of(System.getProperty("aigenda.shared"),
			"eval-dev/diarization/pyannote_sample/sample.wav");

	private static final Map<String, byte[]> uploads = new ConcurrentHashMap<>();

	/** The worker's temporary folder; a test puts a plain file in its place. */
	private static final Path TEMP_DIR = createTempDir().resolve("work");

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
		registry.add("aigenda.worker.temp-dir", TEMP_DIR::toString);
	}

	@BeforeAll
	static void startStorage() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/sample.wav", exchange -> answer(exchange, 200, Files.readAllBytes(SAMPLE)));
		server.createContext("/notes.wav", exchange -> answer(exchange, 200,
				"these are meeting notes, not audio".getBytes(StandardCharsets.UTF_8)));
		server.createContext("/results/", exchange -> {
			if (!"PUT".equals(exchange.getRequestMethod())
					|| !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
				answer(exchange, 400, new byte[0]);
				return;
			}
			uploads.put(exchange.getRequestURI().getPath(), exchange.getRequestBody().readAllBytes());
			answer(exchange, 200, new byte[0]);
		});
		server.start();
	}

	@AfterAll
	static void stopStorage() {
		server.stop(0);
	}

	@Test
	void recordingIsDiarizedStoredAndAnnounced() throws IOException {
		Diarize command = command("/sample.wav", "/results/ok.json", null, null);
		this.messages.sendCommand(Queues.DIARIZE, command);

		DiarizationReady ready = awaitEvent(DiarizationReady.class, command.stepId());
		assertThat(ready.speakerCount()).isEqualTo(2);
		assertThat(ready.resultKey()).isEqualTo(command.resultKey());
		assertThat(ready.engine()).isEqualTo("vad-ivector-mfcc-agglomerative");
		assertThat(ready.audioSeconds()).isBetween(29.0, 31.0);
		DiarizationDocument document = JsonMapper.builder()
			.build()
			.readValue(uploads.get("/results/ok.json"), DiarizationDocument.class);
		assertThat(document.speakers()).containsExactly("S1", "S2");
		assertThat(document.turns()).isNotEmpty();
		assertNoTemporaryFilesLeft();
	}

	@Test
	void speakerBoundsTravelWithTheCommand() {
		Diarize command = command("/sample.wav", "/results/bounded.json", 3, 3);
		this.messages.sendCommand(Queues.DIARIZE, command);
		assertThat(awaitEvent(DiarizationReady.class, command.stepId()).speakerCount()).isEqualTo(3);
	}

	@Test
	void fileThatIsNotAudioFailsForGood() throws IOException {
		Diarize command = command("/notes.wav", "/results/notes.json", null, null);
		this.messages.sendCommand(Queues.DIARIZE, command);

		StepFailed failed = awaitEvent(StepFailed.class, command.stepId());
		assertThat(failed.step()).isEqualTo(StepKind.DIARIZE);
		assertThat(failed.retryable()).isFalse();
		assertThat(failed.category()).isEqualTo(FailureCategory.AUDIO);
		assertThat(failed.reason()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
		assertThat(uploads).doesNotContainKey("/results/notes.json");
		assertNoTemporaryFilesLeft();
	}

	@Test
	void missingRecordingIsARetryableFailure() {
		Diarize command = command("/gone.wav", "/results/gone.json", null, null);
		this.messages.sendCommand(Queues.DIARIZE, command);

		StepFailed failed = awaitEvent(StepFailed.class, command.stepId());
		assertThat(failed.retryable()).isTrue();
		assertThat(failed.category()).isEqualTo(FailureCategory.TRANSFER);
		assertThat(failed.reason()).contains("404");
	}

	@Test
	void temporaryFolderThatCannotBeWrittenIsARetryableFailure() throws IOException {
		// a plain file where the folder should be: no folder can be made there, whoever
		// the tests run as
		deleteTree(TEMP_DIR);
		Files.createFile(TEMP_DIR);
		try {
			Diarize command = command("/sample.wav", "/results/cramped.json", null, null);
			this.messages.sendCommand(Queues.DIARIZE, command);

			StepFailed failed = awaitEvent(StepFailed.class, command.stepId());
			assertThat(failed.step()).isEqualTo(StepKind.DIARIZE);
			assertThat(failed.retryable()).isTrue();
			assertThat(failed.category()).isEqualTo(FailureCategory.OTHER);
			assertThat(failed.reason()).startsWith("No room for the recording on this worker");
			assertThat(uploads).doesNotContainKey("/results/cramped.json");
		}
		finally {
			Files.delete(TEMP_DIR);
		}
	}

	private Diarize command(String audioPath, String uploadPath, Integer min, Integer max) {
		String base = "http://127.0.0.1:" + server.getAddress().getPort();
		return new Diarize(UUID.randomUUID(), UUID.randomUUID(), 1, Instant.now().plusSeconds(600), base + audioPath,
				min, max, base + uploadPath, "orgs/o/meetings/m/artifacts/diarization.json");
	}

	/**
	 * Events of all steps land in the controller's queue; progress events are checked on
	 * the way.
	 */
	private <T> T awaitEvent(Class<T> type, UUID stepId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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
		throw new AssertionError("No " + type.getSimpleName() + " for step " + stepId + " within 60 s");
	}

	private static UUID stepIdOf(Object event) {
		if (event instanceof DiarizationReady ready) {
			return ready.stepId();
		}
		if (event instanceof StepFailed failed) {
			return failed.stepId();
		}
		return null;
	}

	private static void assertNoTemporaryFilesLeft() throws IOException {
		try (Stream<Path> files = Files.list(TEMP_DIR)) {
			assertThat(files).as("temporary files of the worker").isEmpty();
		}
	}

	private static void deleteTree(Path folder) throws IOException {
		if (Files.isDirectory(folder)) {
			try (Stream<Path> files = Files.list(folder)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
		}
		Files.deleteIfExists(folder);
	}

	private static Path createTempDir() {
		try {
			return Files.createTempDirectory("aigenda-diarization-worker-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

}
