package io.aigenda.diarization.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.DiarizationReady;
import io.aigenda.contracts.Diarize;
import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.diarization.DiarizationWorkerApplication;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.Topology;
import io.aigenda.messaging.step.PresignedStorage;
import io.aigenda.messaging.step.StepEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
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
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiarizeListenerTest {

	private static final String NAMESPACE = "test-" + UUID.randomUUID();

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final Path SAMPLE = Path.of(System.getProperty("aigenda.shared"),
			"eval-dev/diarization/pyannote_sample/sample.wav");

	/** The worker's temporary folder; a test puts a plain file in its place. */
	private static final Path TEMP_DIR = createTempDir().resolve("work");

	@Autowired
	Messages messages;

	@Autowired
	Topology topology;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	ApplicationContext context;

	private PresignedStorage storage;

	private StepEvents events;

	@DynamicPropertySource
	static void namespace(DynamicPropertyRegistry registry) {
		registry.add("aigenda.messaging.namespace", () -> NAMESPACE);
		registry.add("aigenda.worker.temp-dir", TEMP_DIR::toString);
	}

	@BeforeAll
	void startStorage() {
		this.storage = PresignedStorage.start()
			.serve("/sample.wav", SAMPLE)
			.serve("/notes.wav", "these are meeting notes, not audio".getBytes(StandardCharsets.UTF_8));
		this.events = new StepEvents(this.rabbit, this.topology);
	}

	@AfterAll
	void stopStorage() {
		this.storage.close();
	}

	@Test
	void onTheCpuTheDeviceIsReadyAndTheListenerRuns() {
		HealthIndicator device = this.context.getBean("deviceHealthIndicator", HealthIndicator.class);
		assertThat(device.health().getStatus()).isEqualTo(Status.UP);
		assertThat(device.health().getDetails()).containsEntry("device", "cpu");
		assertThat(this.context.getBean(RabbitListenerEndpointRegistry.class).getListenerContainers())
			.allSatisfy(container -> assertThat(container.isRunning()).isTrue());
	}

	@Test
	void recordingIsDiarizedStoredAndAnnounced() throws IOException {
		Diarize command = command("/sample.wav", "ok.json", null, null);
		this.messages.sendCommand(Queues.DIARIZE, command);

		DiarizationReady ready = this.events.last(command.stepId(), DiarizationReady.class, WAIT);
		assertThat(ready.speakerCount()).isEqualTo(2);
		assertThat(ready.resultKey()).isEqualTo(command.resultKey());
		assertThat(ready.engine()).isEqualTo("vad-ivector-mfcc-agglomerative");
		assertThat(ready.audioSeconds()).isBetween(29.0, 31.0);
		DiarizationDocument document = JsonMapper.builder()
			.build()
			.readValue(this.storage.stored("ok.json"), DiarizationDocument.class);
		assertThat(document.speakers()).containsExactly("S1", "S2");
		assertThat(document.turns()).isNotEmpty();
		assertNoTemporaryFilesLeft();
	}

	@Test
	void speakerBoundsTravelWithTheCommand() {
		Diarize command = command("/sample.wav", "bounded.json", 3, 3);
		this.messages.sendCommand(Queues.DIARIZE, command);
		assertThat(this.events.last(command.stepId(), DiarizationReady.class, WAIT).speakerCount()).isEqualTo(3);
	}

	@Test
	void fileThatIsNotAudioFailsForGood() throws IOException {
		Diarize command = command("/notes.wav", "notes.json", null, null);
		this.messages.sendCommand(Queues.DIARIZE, command);

		StepFailed failed = this.events.last(command.stepId(), StepFailed.class, WAIT);
		assertThat(failed.step()).isEqualTo(StepKind.DIARIZE);
		assertThat(failed.retryable()).isFalse();
		assertThat(failed.category()).isEqualTo(FailureCategory.AUDIO);
		assertThat(failed.reason()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
		assertThat(this.storage.hasStored("notes.json")).isFalse();
		assertNoTemporaryFilesLeft();
	}

	@Test
	void missingRecordingIsARetryableFailure() {
		Diarize command = command("/gone.wav", "gone.json", null, null);
		this.messages.sendCommand(Queues.DIARIZE, command);

		StepFailed failed = this.events.last(command.stepId(), StepFailed.class, WAIT);
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
			Diarize command = command("/sample.wav", "cramped.json", null, null);
			this.messages.sendCommand(Queues.DIARIZE, command);

			StepFailed failed = this.events.last(command.stepId(), StepFailed.class, WAIT);
			assertThat(failed.step()).isEqualTo(StepKind.DIARIZE);
			assertThat(failed.retryable()).isTrue();
			assertThat(failed.category()).isEqualTo(FailureCategory.OTHER);
			assertThat(failed.reason()).startsWith("No room for the recording on this worker");
			assertThat(this.storage.hasStored("cramped.json")).isFalse();
		}
		finally {
			Files.delete(TEMP_DIR);
		}
	}

	private Diarize command(String audioPath, String result, Integer min, Integer max) {
		return new Diarize(UUID.randomUUID(), UUID.randomUUID(), 1, Instant.now().plusSeconds(600),
				this.storage.url(audioPath), min, max, this.storage.uploadUrl(result),
				"orgs/o/meetings/m/artifacts/diarization.json");
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

}
