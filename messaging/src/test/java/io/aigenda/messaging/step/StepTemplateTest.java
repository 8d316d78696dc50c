package io.aigenda.messaging.step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.aigenda.contracts.Language;
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
import org.springframework.amqp.core.Message;
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

	private static final StepPlan PLAN = StepPlan.of("transcript")
		.fetching("Downloading the recording", 0.25)
		.working("Recognising speech")
		.storing("Storing the transcript", 0.25)
		.done("Transcript stored")
		.permanent(UnreadableAudio.class, FailureCategory.AUDIO);

	/** What the listeners do with a step, by step id. */
	private static final Map<UUID, Scenario> scenarios = new ConcurrentHashMap<>();

	private static final AtomicLong downloadedBytes = new AtomicLong();

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

	private PresignedStorage storage;

	private StepEvents events;

	@DynamicPropertySource
	static void isolate(DynamicPropertyRegistry registry) {
		registry.add("aigenda.messaging.namespace", () -> NAMESPACE);
		registry.add("aigenda.worker.temp-dir", TEMP_DIR::toString);
	}

	@BeforeAll
	void startStorage() {
		this.storage = PresignedStorage.start()
			.serve("/recordings/meeting.wav", RECORDING)
			.serveAfter("/recordings/slow.wav", Duration.ofSeconds(5), RECORDING)
			.serve("/documents/transcript.json",
					"{\"language\":\"en\",\"words\":3,\"addedLater\":true}".getBytes(StandardCharsets.UTF_8))
			.serve("/documents/broken.json", "{\"language\": [oops".getBytes(StandardCharsets.UTF_8));
		this.events = new StepEvents(this.rabbit, this.topology);
	}

	@AfterAll
	void stopStorageAndRemoveTopology() {
		this.storage.close();
		StepEvents.removeTopology(this.listeners, this.admin, this.declarables);
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
		List<Object> events = this.events.untilDone(command.stepId(), WAIT);

		TranscriptReady ready = (TranscriptReady) events.getLast();
		assertThat(ready.resultKey()).isEqualTo(command.resultKey());
		assertThat(ready.processingSeconds()).isPositive();
		assertThat(this.storage.stored("ok")).asString(StandardCharsets.UTF_8).isEqualTo("{\"words\":2}");
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
	void aStepAtWorkWithNothingNewToTellRepeatsItsProgressSoItIsNotTakenForStalled() throws Exception {
		StepTemplate chatty = new StepTemplate(this.messages,
				new WorkerProperties(Duration.ofSeconds(2), Duration.ofSeconds(2), TEMP_DIR, Duration.ofMillis(200)),
				TransferMeter.NONE);
		Transcribe command = transcribe("/recordings/meeting.wav", "quiet");
		scenarios.put(command.stepId(), Scenario.recording(chatty, (audio, progress) -> {
			progress.report(0.4, "Thinking hard");
			sleep(Duration.ofMillis(1500));
			return StepResult.document(Map.of("words", 1), seconds -> ready(command, seconds), "1 word");
		}));

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		List<Object> events = this.events.untilDone(command.stepId(), WAIT);

		List<StepProgress> thinking = events.stream()
			.filter(StepProgress.class::isInstance)
			.map(StepProgress.class::cast)
			.filter((progress) -> "Thinking hard".equals(progress.message()))
			.toList();
		// told once, then repeated about every 0.2 s while the work goes on for 1.5 s
		assertThat(thinking).hasSizeGreaterThanOrEqualTo(4)
			.allSatisfy((progress) -> assertThat(progress.fraction()).isEqualTo(0.25 + 0.5 * 0.4));
		assertThat(events.getLast()).isInstanceOf(TranscriptReady.class);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void temporaryFolderThatCannotBeWrittenAnswersARetryableStepFailed() throws Exception {
		// a folder below a plain file cannot be created, whoever the tests run as
		Path file = Files.createTempFile("aigenda-not-a-folder-", ".txt");
		try {
			StepTemplate cramped = new StepTemplate(this.messages, new WorkerProperties(Duration.ofSeconds(2),
					Duration.ofSeconds(2), file.resolve("work"), Duration.ofSeconds(20)), TransferMeter.NONE);
			Transcribe command = transcribe("/recordings/meeting.wav", "cramped");
			AtomicInteger worked = new AtomicInteger();
			scenarios.put(command.stepId(), Scenario.recording(cramped, (audio, progress) -> {
				worked.incrementAndGet();
				return StepResult.document(Map.of(), seconds -> ready(command, seconds), "");
			}));

			this.messages.sendCommand(Queues.TRANSCRIBE, command);
			StepFailed failed = this.events.last(command.stepId(), StepFailed.class, WAIT);

			assertThat(failed.retryable()).isTrue();
			assertThat(failed.category()).isEqualTo(FailureCategory.OTHER);
			assertThat(failed.reason()).startsWith("No room for the recording on this worker");
			assertThat(worked).hasValue(0);
			assertThat(this.storage.hasStored("cramped")).isFalse();
		}
		finally {
			Files.delete(file);
		}
	}

	@Test
	void missingRecordingAnswersARetryableTransferFailure() throws Exception {
		Transcribe command = transcribe("/recordings/missing.wav", "missing");
		scenarios.put(command.stepId(), Scenario.recording(this.steps, (audio, progress) -> fail("worked")));

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		StepFailed failed = this.events.last(command.stepId(), StepFailed.class, WAIT);

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
		StepFailed failed = this.events.last(command.stepId(), StepFailed.class, WAIT);

		assertThat(failed.retryable()).isFalse();
		assertThat(failed.category()).isEqualTo(FailureCategory.TRANSFER);
		assertThat(failed.reason()).isEqualTo("Transcript URL is not a valid HTTP URL");
		assertNoTemporaryFilesLeft();
	}

	@Test
	void storageThatDoesNotAnswerInTimeAnswersARetryableTimeout() throws Exception {
		Transcribe command = transcribe("/recordings/slow.wav", "slow");
		scenarios.put(command.stepId(), Scenario.recording(this.steps, (audio, progress) -> fail("worked")));

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		StepFailed failed = this.events.last(command.stepId(), StepFailed.class, WAIT);

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
		StepFailed failed = this.events.last(command.stepId(), StepFailed.class, WAIT);

		assertThat(failed.retryable()).isFalse();
		assertThat(failed.category()).isEqualTo(FailureCategory.AUDIO);
		assertThat(failed.reason()).isEqualTo("The recording is not audio a decoder knows");
		assertThat(failed.attempt()).isEqualTo(command.attempt());
		assertThat(this.storage.hasStored("unreadable")).isFalse();
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
		assertThat(this.events.during(command.stepId(), Duration.ofSeconds(2)))
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

		this.events.last(command.stepId(), MinutesWritten.class, WAIT);
		assertThat(read.get()).isEqualTo(new Transcript("en", 3));
		assertThat(this.storage.stored("minutes")).asString(StandardCharsets.UTF_8)
			.isEqualTo("{\"summary\":\"short\"}");
	}

	@Test
	void documentThatIsNotJsonAnswersAFinalStepFailed() {
		WriteMinutes command = writeMinutes("/documents/broken.json", "never");
		scenarios.put(command.stepId(), Scenario.document(this.steps, (transcript, progress) -> fail("worked")));

		this.messages.sendCommand(Queues.WRITE_MINUTES, command);
		StepFailed failed = this.events.last(command.stepId(), StepFailed.class, WAIT);

		assertThat(failed.retryable()).isFalse();
		assertThat(failed.step()).isEqualTo(StepKind.WRITE_MINUTES);
		assertThat(failed.reason()).startsWith("The transcript is not valid JSON");
	}

	private Transcribe transcribe(String audioPath, String artifact) {
		UUID meetingId = UUID.randomUUID();
		return new Transcribe(meetingId, UUID.randomUUID(), 2, Instant.now().plus(Duration.ofMinutes(10)),
				this.storage.url(audioPath), Language.EN, this.storage.uploadUrl(artifact),
				"orgs/o/meetings/" + meetingId + "/transcript.json");
	}

	private WriteMinutes writeMinutes(String transcriptPath, String artifact) {
		UUID meetingId = UUID.randomUUID();
		return new WriteMinutes(meetingId, UUID.randomUUID(), 1, Instant.now().plus(Duration.ofMinutes(10)),
				Language.EN, this.storage.url(transcriptPath), this.storage.uploadUrl(artifact),
				"orgs/o/meetings/" + meetingId + "/minutes.json");
	}

	private static TranscriptReady ready(Transcribe command, double seconds) {
		return new TranscriptReady(command.meetingId(), command.stepId(), command.attempt(), command.resultKey(),
				Language.EN, 1, "test", seconds, 2);
	}

	private Message deadLetter(UUID stepId) {
		ContractMessageConverter converter = new ContractMessageConverter();
		Instant until = Instant.now().plus(WAIT);
		while (Instant.now().isBefore(until)) {
			Message message = this.rabbit.receive(this.topology.deadLetterQueue(Queues.TRANSCRIBE), 500);
			if (message != null && converter.fromMessage(message) instanceof Transcribe command
					&& command.stepId().equals(stepId)) {
				return message;
			}
		}
		return fail("Step %s was not dead-lettered within %s", stepId, WAIT);
	}

	private static void assertNoTemporaryFilesLeft() throws IOException {
		try (Stream<Path> files = Files.list(TEMP_DIR)) {
			assertThat(files).as("temporary files of the steps").isEmpty();
		}
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
