package io.aigenda.mlcontroller.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aigenda.contracts.DiarizationReady;
import io.aigenda.contracts.Diarize;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.MinutesReady;
import io.aigenda.contracts.MinutesWritten;
import io.aigenda.contracts.ProcessMeeting;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.Transcribe;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.contracts.WriteMinutes;
import io.aigenda.messaging.ContractMessageConverter;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.Topology;
import io.aigenda.mlcontroller.ControllerUnderTest;
import io.aigenda.mlcontroller.FakeBackend;
import io.aigenda.mlcontroller.PyannoteSample;
import io.aigenda.mlcontroller.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A controller stopped with a half-done pipeline and started again on the same store (the
 * default H2 file database) carries on from what it stored; events sent while it was down
 * wait in the broker's durable queue.
 */
class PipelineRestartIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@TempDir
	Path dataDir;

	private final String namespace = TestBroker.namespace();

	private FakeBackend backend;

	private CachingConnectionFactory connections;

	private TestBroker broker;

	private Messages messages;

	@BeforeEach
	void start() {
		this.backend = new FakeBackend();
		// The test's own broker connection, as the workers have, alive while the
		// controller is down.
		this.connections = new CachingConnectionFactory("127.0.0.1", 5672);
		this.connections.setUsername("guest");
		this.connections.setPassword("guest");
		RabbitTemplate template = new RabbitTemplate(this.connections);
		template.setMessageConverter(new ContractMessageConverter());
		Topology topology = new Topology(this.namespace);
		this.broker = new TestBroker(template, topology);
		this.messages = new Messages(template, topology);
	}

	@AfterEach
	void stop() {
		TestBroker.deleteNamespace(this.namespace);
		this.connections.destroy();
		this.backend.close();
	}

	@Test
	void restartedControllerContinuesAHalfDonePipelineFromTheStoredState() throws Exception {
		UUID meeting = UUID.randomUUID();
		this.backend.putObject(FakeBackend.key(meeting, "recording"), PyannoteSample.recording());
		Transcribe transcribe;
		Diarize diarize;
		try (ControllerUnderTest first = startController()) {
			this.messages.sendCommand(Queues.PROCESS_MEETING, new ProcessMeeting(meeting, FakeBackend.ORGANISATION,
					Language.EN, FakeBackend.key(meeting, "recording"), "sample.wav", null, null, Instant.now()));
			transcribe = this.broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
			diarize = this.broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);
			this.broker.putJson(transcribe.resultUploadUrl(), PyannoteSample.transcript());
			this.messages.publishEvent(new TranscriptReady(meeting, transcribe.stepId(), 1, transcribe.resultKey(),
					Language.EN, PyannoteSample.DURATION, "reference", 4.0, PyannoteSample.referenceWords().size()));
			await().atMost(WAIT).until(() -> "DONE".equals(stepState(first, meeting, "TRANSCRIBE")));
		}
		assertThat(Files.list(this.dataDir.resolve("ml-controller"))).isNotEmpty();

		// The diarization result arrives while no controller runs.
		this.broker.putJson(diarize.resultUploadUrl(), PyannoteSample.diarization());
		this.messages.publishEvent(new DiarizationReady(meeting, diarize.stepId(), 1, diarize.resultKey(), 2,
				PyannoteSample.DURATION, "reference", 3.0));

		try (ControllerUnderTest second = startController()) {
			WriteMinutes write = this.broker.command(Queues.WRITE_MINUTES, WriteMinutes.class, meeting, WAIT);
			this.broker.putJson(write.resultUploadUrl(), new Minutes(Language.EN, "extractive", "A short call.",
					List.of(), List.of(), List.of(), List.of()));
			this.messages
				.publishEvent(new MinutesWritten(meeting, write.stepId(), 1, write.resultKey(), "extractive", 0.2));

			MinutesReady ready = this.broker.event(MinutesReady.class, meeting, WAIT);
			assertThat(ready.transcriptKey()).isEqualTo(FakeBackend.key(meeting, "transcript.json"));
			assertThat(ready.minutesKey()).isEqualTo(FakeBackend.key(meeting, "minutes.json"));
			assertThat(ready.stepSeconds()).containsEntry("transcribe", 4.0).containsEntry("diarize", 3.0);
			// Transcribe was done before the restart: it is not dispatched again.
			this.broker.assertNone(Queues.TRANSCRIBE, Transcribe.class, meeting, Duration.ofSeconds(3));
		}
	}

	@Test
	void deadlineOfAStepDispatchedBeforeARestartStillBringsItBack() {
		UUID meeting = UUID.randomUUID();
		this.backend.putObject(FakeBackend.key(meeting, "recording"), PyannoteSample.recording());
		Transcribe first;
		try (ControllerUnderTest controller = startController()) {
			this.messages.sendCommand(Queues.PROCESS_MEETING, new ProcessMeeting(meeting, FakeBackend.ORGANISATION,
					Language.RU, FakeBackend.key(meeting, "recording"), "sample.wav", null, null, Instant.now()));
			first = this.broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		}

		try (ControllerUnderTest controller = startController()) {
			Transcribe second = this.broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
			assertThat(second.stepId()).isEqualTo(first.stepId());
			assertThat(second.attempt()).isEqualTo(2);
			assertThat(second.language()).isEqualTo(Language.RU);
		}
	}

	private ControllerUnderTest startController() {
		// The file URL the configuration file gives, under this test's data directory.
		return ControllerUnderTest.start(this.namespace, this.backend, null, null,
				Map.of("aigenda.data-dir", this.dataDir.toString()));
	}

	private static String stepState(ControllerUnderTest controller, UUID meeting, String kind) {
		return controller.jdbc()
			.sql("SELECT state FROM steps WHERE meeting_id = :meeting AND kind = :kind")
			.param("meeting", meeting)
			.param("kind", kind)
			.query(String.class)
			.single();
	}

}
