package io.aigenda.mlcontroller.voiceprint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.DiarizationReady;
import io.aigenda.contracts.Diarize;
import io.aigenda.contracts.EnrolVoiceprint;
import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.VoiceprintEnrolled;
import io.aigenda.contracts.VoiceprintEnrolmentFailed;
import io.aigenda.messaging.DeadLetterRecoverer;
import io.aigenda.messaging.Messages;
import io.aigenda.mlcontroller.ControllerEnvironment;
import io.aigenda.mlcontroller.ControllerUnderTest;
import io.aigenda.mlcontroller.FakeBackend;
import io.aigenda.mlcontroller.TestBroker;
import io.aigenda.mlcontroller.vector.VectorCollection;
import io.aigenda.mlcontroller.vector.VectorPoint;
import io.aigenda.mlcontroller.vector.VectorStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Voiceprint enrolment over the real broker: the clip goes to the diarization queue as a
 * one-speaker step through presigned URLs, its speaker embedding becomes the named
 * voiceprint, and the backend hears the outcome once. The diarization-worker's answers
 * are played by the test; the worker itself runs in the app's end-to-end test.
 */
class EnrolmentIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@TempDir
	static Path vectors;

	private static ControllerEnvironment environment;

	private static ControllerUnderTest controller;

	private final Random random = new Random(5);

	@BeforeAll
	static void start() {
		environment = new ControllerEnvironment(Map.of("aigenda.vector-store.directory", vectors.toString()));
		controller = environment.controller();
	}

	@AfterAll
	static void stop() {
		if (environment != null) {
			environment.close();
		}
	}

	@Test
	void clipIsDiarizedAsOneSpeakerAndItsEmbeddingStoredUnderTheNameOnce() {
		Messages messages = controller.messages();
		TestBroker broker = controller.broker();
		VectorStore store = controller.bean(VectorStore.class);
		UUID organisation = UUID.randomUUID();
		UUID voiceprint = UUID.randomUUID();
		EnrolVoiceprint enrol = new EnrolVoiceprint(organisation, voiceprint, "Anna",
				FakeBackend.voiceprintKey(voiceprint, "clip"));

		messages.sendCommand(Queues.VOICEPRINTS, enrol);
		Diarize diarize = broker.command(Queues.DIARIZE, Diarize.class, voiceprint, WAIT);
		assertThat(diarize.minSpeakers()).isEqualTo(1);
		assertThat(diarize.maxSpeakers()).isEqualTo(1);
		assertThat(diarize.audioUrl()).contains(FakeBackend.voiceprintKey(voiceprint, "clip")).contains("X-Amz-");
		assertThat(diarize.resultKey()).isEqualTo(FakeBackend.voiceprintKey(voiceprint, "diarization.json"));
		// A redelivered command does not diarize the clip again.
		messages.sendCommand(Queues.VOICEPRINTS, enrol);
		broker.assertNone(Queues.DIARIZE, Diarize.class, voiceprint, Duration.ofSeconds(3));

		float[] anna = randomVector();
		broker.putJson(diarize.resultUploadUrl(), new DiarizationDocument(4, "test", List.of("S1"),
				List.of(new SpeakerTurn(0.2, 3.8, "S1")), Map.of("S1", anna)));
		DiarizationReady ready = new DiarizationReady(voiceprint, diarize.stepId(), 1, diarize.resultKey(), 1, 4,
				"test", 0.1);
		messages.publishEvent(ready);

		VoiceprintEnrolled enrolled = broker.event(VoiceprintEnrolled.class, voiceprint, WAIT);
		assertThat(enrolled.organisationId()).isEqualTo(organisation);
		VectorPoint stored = store.get(VectorCollection.VOICEPRINTS, organisation, voiceprint).orElseThrow();
		assertThat(stored.vector()).containsExactly(anna);
		assertThat(stored.payload()).containsEntry("name", "Anna").containsEntry("source", "enrolment");
		assertThat(store.get(VectorCollection.VOICEPRINTS, UUID.randomUUID(), voiceprint)).isEmpty();

		// The same result again: nothing more is stored or announced.
		messages.publishEvent(ready);
		broker.assertNone(Queues.BACKEND_EVENTS, VoiceprintEnrolled.class, voiceprint, Duration.ofSeconds(3));
	}

	@Test
	void clipWithoutSpeechFailsWithTheReasonAndStoresNothing() {
		Messages messages = controller.messages();
		TestBroker broker = controller.broker();
		UUID organisation = UUID.randomUUID();
		UUID voiceprint = UUID.randomUUID();
		messages.sendCommand(Queues.VOICEPRINTS, new EnrolVoiceprint(organisation, voiceprint, "Nobody", "clip"));
		Diarize diarize = broker.command(Queues.DIARIZE, Diarize.class, voiceprint, WAIT);

		broker.putJson(diarize.resultUploadUrl(), new DiarizationDocument(4, "test", List.of(), List.of(), Map.of()));
		messages.publishEvent(
				new DiarizationReady(voiceprint, diarize.stepId(), 1, diarize.resultKey(), 0, 4, "test", 0.1));

		VoiceprintEnrolmentFailed failed = broker.event(VoiceprintEnrolmentFailed.class, voiceprint, WAIT);
		assertThat(failed.reason()).isEqualTo("No speech found in the clip");
		assertThat(controller.bean(VectorStore.class).get(VectorCollection.VOICEPRINTS, organisation, voiceprint))
			.isEmpty();
	}

	@Test
	void clipTheWorkerCannotDecodeFailsWithTheWorkersReason() {
		Messages messages = controller.messages();
		TestBroker broker = controller.broker();
		UUID voiceprint = UUID.randomUUID();
		messages.sendCommand(Queues.VOICEPRINTS, new EnrolVoiceprint(UUID.randomUUID(), voiceprint, "Eve", "clip"));
		Diarize diarize = broker.command(Queues.DIARIZE, Diarize.class, voiceprint, WAIT);

		messages.publishEvent(new StepFailed(voiceprint, diarize.stepId(), 1, StepKind.DIARIZE,
				"The recording cannot be decoded", false, FailureCategory.AUDIO));

		assertThat(broker.event(VoiceprintEnrolmentFailed.class, voiceprint, WAIT).reason())
			.isEqualTo("Diarization failed: The recording cannot be decoded");
	}

	@Test
	void enrolmentWithoutItsIdsIsDeadLetteredWithTheReason() {
		controller.messages()
			.sendCommand(Queues.VOICEPRINTS, new EnrolVoiceprint(null, UUID.randomUUID(), "Anna", "clip"));

		Message dead = controller.broker().deadLetter(Queues.VOICEPRINTS, WAIT);
		assertThat(dead).isNotNull();
		assertThat(dead.getMessageProperties().<String>getHeader(DeadLetterRecoverer.HEADER_REASON))
			.contains("EnrolVoiceprint without organisationId");
	}

	private float[] randomVector() {
		float[] vector = new float[64];
		double norm = 0;
		for (int i = 0; i < vector.length; i++) {
			vector[i] = (float) this.random.nextGaussian();
			norm += vector[i] * vector[i];
		}
		for (int i = 0; i < vector.length; i++) {
			vector[i] /= (float) Math.sqrt(norm);
		}
		return vector;
	}

}
