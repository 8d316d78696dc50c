package io.aigenda.asr.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aigenda.asr.AsrWorkerApplication;
import io.aigenda.asr.EvalDev;
import io.aigenda.asr.eval.WordErrorRate;
import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.Transcribe;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.contracts.Word;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.Topology;
import io.aigenda.messaging.step.PresignedStorage;
import io.aigenda.messaging.step.StepEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
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

	private PresignedStorage storage;

	private StepEvents events;

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

	private final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void isolate(DynamicPropertyRegistry registry) {
		registry.add("aigenda.messaging.namespace", () -> NAMESPACE);
		registry.add("aigenda.worker.temp-dir", TEMP_DIR::toString);
	}

	@BeforeAll
	void startStorage() {
		this.storage = PresignedStorage.start()
			.serve("/recordings/jfk.wav", EvalDev.shared("eval-dev/asr/en/jfk.wav"))
			.serve("/recordings/notes.wav", EvalDev.shared("eval-dev/asr/en/jfk.txt"));
		this.events = new StepEvents(this.rabbit, this.topology);
	}

	@AfterAll
	void stopStorageAndRemoveTopology() {
		this.storage.close();
		StepEvents.removeTopology(this.listeners, this.admin, this.declarables);
	}

	@Test
	void transcribeStoresTheTranscriptAndAnnouncesIt() throws Exception {
		Transcribe command = command("/recordings/jfk.wav", "first");

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		List<Object> events = this.events.untilDone(command.stepId(), WAIT);

		TranscriptReady ready = (TranscriptReady) events.getLast();
		assertThat(ready.meetingId()).isEqualTo(command.meetingId());
		assertThat(ready.attempt()).isEqualTo(command.attempt());
		assertThat(ready.resultKey()).isEqualTo(command.resultKey());
		assertThat(ready.engine()).isEqualTo("vosk");
		assertThat(ready.language()).isEqualTo(Language.EN);
		assertThat(ready.audioSeconds()).isEqualTo(11.0);
		assertThat(ready.processingSeconds()).isPositive();

		TranscriptDocument document = this.json.readValue(this.storage.stored("first"), TranscriptDocument.class);
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
		this.events.untilDone(command.stepId(), WAIT);
		TranscriptDocument first = this.json.readValue(this.storage.stored("again"), TranscriptDocument.class);
		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		List<Object> events = this.events.untilDone(command.stepId(), WAIT);
		TranscriptDocument second = this.json.readValue(this.storage.stored("again"), TranscriptDocument.class);

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
		List<Object> events = this.events.untilDone(command.stepId(), WAIT);

		StepFailed failed = (StepFailed) events.getLast();
		assertThat(failed.retryable()).isFalse();
		assertThat(failed.category()).isEqualTo(FailureCategory.AUDIO);
		assertThat(failed.step()).isEqualTo(StepKind.TRANSCRIBE);
		assertThat(failed.stepId()).isEqualTo(command.stepId());
		assertThat(failed.reason()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
		assertThat(this.storage.hasStored("text")).isFalse();
		assertNoTemporaryFilesLeft();
	}

	@Test
	void missingRecordingFailsRetryably() throws Exception {
		Transcribe command = command("/recordings/missing.wav", "missing");

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		List<Object> events = this.events.untilDone(command.stepId(), WAIT);

		StepFailed failed = (StepFailed) events.getLast();
		assertThat(failed.retryable()).isTrue();
		assertThat(failed.category()).isEqualTo(FailureCategory.TRANSFER);
		assertThat(failed.reason()).contains("404").doesNotContain("127.0.0.1");
		assertThat(this.storage.hasStored("missing")).isFalse();
		assertNoTemporaryFilesLeft();
	}

	@Test
	void russianWithoutAModelFailsWithoutRetryNamingTheSetting() throws Exception {
		Transcribe base = command("/recordings/jfk.wav", "russian");
		Transcribe command = new Transcribe(base.meetingId(), base.stepId(), base.attempt(), base.deadline(),
				base.audioUrl(), Language.RU, base.resultUploadUrl(), base.resultKey());

		this.messages.sendCommand(Queues.TRANSCRIBE, command);
		List<Object> events = this.events.untilDone(command.stepId(), WAIT);

		StepFailed failed = (StepFailed) events.getLast();
		assertThat(failed.retryable()).isFalse();
		assertThat(failed.category()).isEqualTo(FailureCategory.LANGUAGE);
		assertThat(failed.reason()).contains("aigenda.asr.vosk.model-dirs.ru");
		assertNoTemporaryFilesLeft();
	}

	private Transcribe command(String audioPath, String artifact) {
		UUID meetingId = UUID.randomUUID();
		return new Transcribe(meetingId, UUID.randomUUID(), 1, Instant.now().plus(Duration.ofMinutes(10)),
				this.storage.url(audioPath), Language.EN, this.storage.uploadUrl(artifact),
				"orgs/o/meetings/" + meetingId + "/artifacts/transcript.asr.json");
	}

	private void assertNoTemporaryFilesLeft() throws IOException {
		try (var files = Files.list(TEMP_DIR)) {
			assertThat(files).as("temporary files of the worker").isEmpty();
		}
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
