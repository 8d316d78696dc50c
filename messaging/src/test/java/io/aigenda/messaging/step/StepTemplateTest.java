package io.aigenda.messaging.step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.MinutesWritten;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.Transcribe;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.contracts.WriteMinutes;
import io.aigenda.messaging.ContractMessageConverter;
import io.aigenda.messaging.DeadLetterRecoverer;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.Topology;
import io.aigenda.messaging.transfer.TransferMeter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.MDC;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The step protocol on the real RabbitMQ of this machine (a namespace of its own), with a
 * JDK HTTP server in the role of the object store behind presigned URLs. Steps run in
 * listeners on the real worker queues, so failures nobody classified go through the real
 * retries and dead-lettering.
 */
@SpringBootTest(properties = { "spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=5672",
		"aigenda.worker.transfer-timeout=2s" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StepTemplateTest {

	private static final String NAMESPACE = "test-steps-" + UUID.randomUUID();

	private static final Path TEMP_DIR = createTempDir();

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final byte[] RECORDING = "RIFF....WAVEfmt not really audio".getBytes(StandardCharsets.UTF_8);

	/** What the listeners do with a step, by step id. */
	private static final Map<UUID, Scenario> scenarios = new ConcurrentHashMap<>();

	private static final AtomicLong downloadedBytes = new AtomicLong();

	private final Map<String, byte[]> stored = new ConcurrentHashMap<>();

	private HttpServer storage;

	@Autowired
	private Messages messages;

	@Autowired
	private Topology topology;

	@Autowired
	private RabbitTemplate rabbit;

	@Autowired
	private StepTemplate steps;

	@Autowired
	private AmqpAdmin admin;

	@Autowired
	private Declarables declarables;

	@Autowired
	private RabbitListenerEndpointRegistry listeners;

	private final ContractMessageConverter converter = new ContractMessageConverter();

	private static final StepPlan PLAN = StepPlan.of("transcript")
		.fetching("Downloading the recording", 0.25)
		.working("Recognising speech")
		.storing("Storing the transcript", 0.25)
		.done("Transcript stored")
		.permanent(UnreadableAudio.class, FailureCategory.AUDIO);

	@DynamicPropertySource
	static void isolate(DynamicPropertyRegistry registry) {
		registry.add("aigenda.messaging.namespace", () -> NAMESPACE);
		registry.add("aigenda.worker.temp-dir", TEMP_DIR::toString);
	}

	@BeforeAll
	void startStorage() throws IOException {
		this.storage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		// the slow object holds a thread while the others are served
		this.storage.setExecutor(Executors.newCachedThreadPool());
		this.storage.createContext("/recordings/meeting.wav", exchange -> respond(exchange, 200, RECORDING));
		this.storage.createContext("/recordings/slow.wav", exchange -> {
			try {
				Thread.sleep(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, 200, RECORDING);
		});
		this.storage.createContext("/documents/transcript.json", exchange -> respond(exchange, 200,
				"{\"language\":\"en\",\"words\":3,\"addedLater\":true}".getBytes(StandardCharsets.UTF_8)));
		this.storage.createContext("/documents/broken.json",
				exchange -> respond(exchange, 200, "{\"language\": [oops".getBytes(StandardCharsets.UTF_8)));
		this.storage.createContext("/artifacts/", this::storeArtifact);
		this.storage.createContext("/", exchange -> respond(exchange, 404, new byte[0]));
		this.storage.start();
	}

	@AfterAll
	void stopStorageAndRemoveTopology() {
		this.storage.stop(0);
		// consumers first, so deleting their queue is not reported as a broker-side
		// cancel
		this.listeners.stop();
		for (Queue queue : this.declarables.getDeclarablesByType(Queue.class)) {
			this.admin.deleteQueue(queue.getName());
		}
		for (Exchange exchange : this.declarables.getDeclarablesByType(Exchange.class)) {
			this.admin.deleteExchange(exchange.getName());
		}
	}

	@Test
	void stepThatSucceedsPublishesProgressAndItsReadyEventAndDeletesItsTemporaryFiles() throws Exception {
		Transcribe command = transcribe("/recordings/meeting.wav", "ok");
		AtomicReference<Path> seenFile = new AtomicReference<>();
		AtomicReference<String> seenMeeting = new AtomicReference<>();
		long downloadedBefore = downloadedBytes.get();
		scenarios.put(command.stepId(), Scenario.recording(this.steps, (audio, progress) -> {
			seenFile.set(audio);
			seenMeeting.set(MDC.get(StepTemplate.MEETING_ID));
			assertThat(audio).hasBinaryContent(RECORDING);
			progress.report(0.5, "Half way");
			return StepResult.document(Map.of("words", 2), seconds -> ready(command, seconds), "2 words");
		}));

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		List<Object> events = eventsUntilDone(command.stepId());

		TranscriptReady ready = (TranscriptReady) events.getLast();
		assertThat(ready.resultKey()).isEqualTo(command.resultKey());
		assertThat(ready.processingSeconds()).isPositive();
		assertThat(new String(this.stored.get("ok"), StandardCharsets.UTF_8)).isEqualTo("{\"words\":2}");
		List<StepProgress> progress = events.stream()
			.filter(StepProgress.class::isInstance)
			.map(StepProgress.class::cast)
			.toList();
		assertThat(progress).extracting(StepProgress::fraction).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
		assertThat(progress).extracting(StepProgress::message)
			.containsExactly("Downloading the recording", "Recognising speech", "Half way", "Storing the transcript",
					"Transcript stored");
		assertThat(progress).allSatisfy(event -> assertThat(event.step()).isEqualTo(StepKind.TRANSCRIBE));
		assertThat(seenFile.get().getParent()).isEqualTo(TEMP_DIR);
		assertThat(seenMeeting.get()).isEqualTo(command.meetingId().toString());
		assertThat(downloadedBytes.get() - downloadedBefore).as("bytes counted by the transfer meter")
			.isEqualTo(RECORDING.length);
		assertNoTemporaryFilesLeft();
	}

	@Test
	void temporaryFolderThatCannotBeWrittenAnswersARetryableStepFailed() throws Exception {
		// a folder below a plain file cannot be created, whoever the tests run as
		Path file = Files.createTempFile("aigenda-not-a-folder-", ".txt");
		try {
			StepTemplate cramped = new StepTemplate(this.messages,
					new WorkerProperties(Duration.ofSeconds(2), Duration.ofSeconds(2), file.resolve("work")),
					TransferMeter.NONE);
			Transcribe command = transcribe("/recordings/meeting.wav", "cramped");
			AtomicInteger worked = new AtomicInteger();
			scenarios.put(command.stepId(), Scenario.recording(cramped, (audio, progress) -> {
				worked.incrementAndGet();
				return StepResult.document(Map.of(), seconds -> ready(command, seconds), "");
			}));

			this.messages.sendCommand(Queues.TRANSCRIBE, command);
			StepFailed failed = (StepFailed) eventsUntilDone(command.stepId()).getLast();

			assertThat(failed.retryable()).isTrue();
			assertThat(failed.category()).isEqualTo(FailureCategory.OTHER);
			assertThat(failed.reason()).startsWith("No room for the recording on this worker");
			assertThat(worked).hasValue(0);
			assertThat(this.stored).doesNotContainKey("cramped");
		}
		finally {
			Files.delete(file);
		}
	}

	@Test
	void missingRecordingAnswersARetryableTransferFailure() throws Exception {
		Transcribe command = transcribe("/recordings/missing.wav", "missing");
		scenarios.put(command.stepId(),
				Scenario.recording(this.steps, (audio, progress) -> fail("worked without input")));

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		StepFailed failed = (StepFailed) eventsUntilDone(command.stepId()).getLast();

		assertThat(failed.retryable()).isTrue();
		assertThat(failed.category()).isEqualTo(FailureCategory.TRANSFER);
		assertThat(failed.reason()).isEqualTo("Recording download failed with HTTP status 404");
		assertNoTemporaryFilesLeft();
	}

	@Test
	void urlThatIsNotHttpAnswersAFinalTransferFailure() throws Exception {
		Transcribe base = transcribe("/recordings/meeting.wav", "not-http");
		Transcribe command = new Transcribe(base.meetingId(), base.stepId(), base.attempt(), base.deadline(),
				base.audioUrl(), base.language(), "file:///etc/passwd", base.resultKey());
		scenarios.put(command.stepId(), Scenario.recording(this.steps,
				(audio, progress) -> StepResult.document(Map.of(), seconds -> ready(command, seconds), "")));

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		StepFailed failed = (StepFailed) eventsUntilDone(command.stepId()).getLast();

		assertThat(failed.retryable()).isFalse();
		assertThat(failed.category()).isEqualTo(FailureCategory.TRANSFER);
		assertThat(failed.reason()).isEqualTo("Transcript URL is not a valid HTTP URL");
		assertNoTemporaryFilesLeft();
	}

	@Test
	void storageThatDoesNotAnswerInTimeAnswersARetryableTimeout() throws Exception {
		Transcribe command = transcribe("/recordings/slow.wav", "slow");
		scenarios.put(command.stepId(),
				Scenario.recording(this.steps, (audio, progress) -> fail("worked without input")));

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		StepFailed failed = (StepFailed) eventsUntilDone(command.stepId()).getLast();

		assertThat(failed.retryable()).isTrue();
		assertThat(failed.category()).isEqualTo(FailureCategory.TIMEOUT);
		assertThat(failed.reason()).startsWith("Recording download failed");
		assertNoTemporaryFilesLeft();
	}

	@Test
	void permanentWorkerFailureAnswersAFinalStepFailedWithItsCategory() throws Exception {
		Transcribe command = transcribe("/recordings/meeting.wav", "unreadable");
		scenarios.put(command.stepId(), Scenario.recording(this.steps, (audio, progress) -> {
			// declared types are found behind the exceptions that wrap them
			throw new IllegalStateException(new UnreadableAudio("The recording is not audio a decoder knows"));
		}));

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		StepFailed failed = (StepFailed) eventsUntilDone(command.stepId()).getLast();

		assertThat(failed.retryable()).isFalse();
		assertThat(failed.category()).isEqualTo(FailureCategory.AUDIO);
		assertThat(failed.reason()).isEqualTo("The recording is not audio a decoder knows");
		assertThat(failed.attempt()).isEqualTo(command.attempt());
		assertThat(this.stored).doesNotContainKey("unreadable");
		assertNoTemporaryFilesLeft();
	}

	@Test
	void unexpectedExceptionIsRetriedThenDeadLetteredWithItsReason() throws Exception {
		Transcribe command = transcribe("/recordings/meeting.wav", "crashed");
		AtomicInteger attempts = new AtomicInteger();
		scenarios.put(command.stepId(), Scenario.recording(this.steps, (audio, progress) -> {
			attempts.incrementAndGet();
			throw new IllegalStateException("engine crashed");
		}));

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		Message dead = deadLetter(command.stepId());

		assertThat((String) dead.getMessageProperties().getHeader(DeadLetterRecoverer.HEADER_REASON))
			.isEqualTo("engine crashed");
		assertThat(attempts).as("deliveries before dead-lettering").hasValue(3);
		assertThat(eventsOf(command.stepId(), Duration.ofSeconds(2)))
			.noneMatch(event -> event instanceof StepFailed || event instanceof TranscriptReady);
		assertNoTemporaryFilesLeft();
	}

	@Test
	void documentIsReadIntoItsTypeIgnoringFieldsItDoesNotKnow() {
		WriteMinutes command = writeMinutes("/documents/transcript.json", "minutes");
		AtomicReference<Transcript> read = new AtomicReference<>();
		scenarios.put(command.stepId(), Scenario.document(this.steps, (transcript, progress) -> {
			read.set(transcript);
			return StepResult.json("{\"summary\":\"short\"}", seconds -> new MinutesWritten(command.meetingId(),
					command.stepId(), command.attempt(), command.resultKey(), "test", seconds), "");
		}));

		this.messages.sendCommand(Queues.WRITE_MINUTES, command);

		assertThat(eventsUntilDone(command.stepId()).getLast()).isInstanceOf(MinutesWritten.class);
		assertThat(read.get()).isEqualTo(new Transcript("en", 3));
		assertThat(this.stored.get("minutes")).asString(StandardCharsets.UTF_8).isEqualTo("{\"summary\":\"short\"}");
	}

	@Test
	void documentThatIsNotJsonAnswersAFinalStepFailed() {
		WriteMinutes command = writeMinutes("/documents/broken.json", "never");
		scenarios.put(command.stepId(),
				Scenario.document(this.steps, (transcript, progress) -> fail("worked on nothing")));

		this.messages.sendCommand(Queues.WRITE_MINUTES, command);
		StepFailed failed = (StepFailed) eventsUntilDone(command.stepId()).getLast();

		assertThat(failed.retryable()).isFalse();
		assertThat(failed.step()).isEqualTo(StepKind.WRITE_MINUTES);
		assertThat(failed.reason()).startsWith("The transcript is not valid JSON");
	}

	private Transcribe transcribe(String audioPath, String artifact) {
		UUID meetingId = UUID.randomUUID();
		return new Transcribe(meetingId, UUID.randomUUID(), 2, Instant.now().plus(Duration.ofMinutes(10)),
				url(audioPath), "en", url("/artifacts/" + artifact),
				"orgs/o/meetings/" + meetingId + "/transcript.json");
	}

	private WriteMinutes writeMinutes(String transcriptPath, String artifact) {
		UUID meetingId = UUID.randomUUID();
		return new WriteMinutes(meetingId, UUID.randomUUID(), 1, Instant.now().plus(Duration.ofMinutes(10)), "en",
				url(transcriptPath), url("/artifacts/" + artifact), "orgs/o/meetings/" + meetingId + "/minutes.json");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.storage.getAddress().getPort() + path + "?X-Amz-Signature=abc";
	}

	private static TranscriptReady ready(Transcribe command, double seconds) {
		return new TranscriptReady(command.meetingId(), command.stepId(), command.attempt(), command.resultKey(), "en",
				1, "test", seconds, 2);
	}

	/**
	 * Events of one step, in order, up to and including its ready event or StepFailed.
	 */
	private List<Object> eventsUntilDone(UUID stepId) {
		List<Object> events = new ArrayList<>();
		Instant until = Instant.now().plus(WAIT);
		while (Instant.now().isBefore(until)) {
			Object event = nextEvent();
			if (event == null || !stepId.equals(stepIdOf(event))) {
				continue;
			}
			events.add(event);
			if (event instanceof TranscriptReady || event instanceof MinutesWritten || event instanceof StepFailed) {
				return events;
			}
		}
		return fail("No ready event or StepFailed for step %s within %s; got %s", stepId, WAIT, events);
	}

	private List<Object> eventsOf(UUID stepId, Duration wait) {
		List<Object> events = new ArrayList<>();
		Instant until = Instant.now().plus(wait);
		while (Instant.now().isBefore(until)) {
			Object event = nextEvent();
			if (event != null && stepId.equals(stepIdOf(event))) {
				events.add(event);
			}
		}
		return events;
	}

	private Object nextEvent() {
		Message message = this.rabbit.receive(this.topology.queue(Queues.ML_EVENTS), 500);
		return (message != null) ? this.converter.fromMessage(message) : null;
	}

	private Message deadLetter(UUID stepId) {
		Instant until = Instant.now().plus(WAIT);
		while (Instant.now().isBefore(until)) {
			Message message = this.rabbit.receive(this.topology.deadLetterQueue(Queues.TRANSCRIBE), 500);
			if (message != null && this.converter.fromMessage(message) instanceof Transcribe command
					&& command.stepId().equals(stepId)) {
				return message;
			}
		}
		return fail("Step %s was not dead-lettered within %s", stepId, WAIT);
	}

	private static UUID stepIdOf(Object event) {
		return switch (event) {
			case TranscriptReady ready -> ready.stepId();
			case MinutesWritten written -> written.stepId();
			case StepFailed failed -> failed.stepId();
			case StepProgress progress -> progress.stepId();
			default -> null;
		};
	}

	private static void assertNoTemporaryFilesLeft() throws IOException {
		try (var files = Files.list(TEMP_DIR)) {
			assertThat(files).as("temporary files of the steps").isEmpty();
		}
	}

	private void storeArtifact(HttpExchange exchange) throws IOException {
		if (!"PUT".equals(exchange.getRequestMethod())
				|| !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
			respond(exchange, 400, new byte[0]);
			return;
		}
		String name = exchange.getRequestURI().getPath().substring("/artifacts/".length());
		this.stored.put(name, exchange.getRequestBody().readAllBytes());
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
			return Files.createTempDirectory("aigenda-steps-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The step input document of the document tests. */
	record Transcript(String language, int words) {
	}

	/** A worker's own exception that its plan declares permanent. */
	static class UnreadableAudio extends RuntimeException {

		UnreadableAudio(String message) {
			super(message);
		}

	}

	/** How the listeners run one step. */
	record Scenario(StepTemplate template, StepWork<Path> recording, StepWork<Transcript> document) {

		static Scenario recording(StepTemplate template, StepWork<Path> work) {
			return new Scenario(template, work, null);
		}

		static Scenario document(StepTemplate template, StepWork<Transcript> work) {
			return new Scenario(template, null, work);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

		@Bean
		TransferMeter countingMeter() {
			return new TransferMeter() {
				@Override
				public void downloaded(long bytes) {
					downloadedBytes.addAndGet(bytes);
				}

				@Override
				public void uploaded(long bytes) {
				}
			};
		}

		@Bean
		Worker worker() {
			return new Worker();
		}

	}

	/** A worker whose steps do what each test's scenario says. */
	static class Worker {

		@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).TRANSCRIBE)}")
		void on(Transcribe command) {
			Scenario scenario = scenarios.get(command.stepId());
			scenario.template().run(command, PLAN, StepInput.recording(command.audioUrl()), scenario.recording());
		}

		@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).WRITE_MINUTES)}")
		void on(WriteMinutes command) {
			Scenario scenario = scenarios.get(command.stepId());
			scenario.template()
				.run(command, StepPlan.of("minutes"),
						StepInput.document(command.transcriptUrl(), Transcript.class, "transcript"),
						scenario.document());
		}

	}

}
