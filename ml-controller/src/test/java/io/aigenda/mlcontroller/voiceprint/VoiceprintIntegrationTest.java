package io.aigenda.mlcontroller.voiceprint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.ForgetVoiceprint;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.SpeakerIdentity;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.StoreVoiceprint;
import io.aigenda.mlcontroller.ControllerEnvironment;
import io.aigenda.mlcontroller.ControllerUnderTest;
import io.aigenda.mlcontroller.vector.VectorCollection;
import io.aigenda.mlcontroller.vector.VectorStore;
import io.aigenda.messaging.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Voiceprint commands over the real broker into the embedded vector store, and
 * recognition of speakers in later meetings. The embeddings are random vectors here; real
 * voices are scored in the diarization-worker's and app's tests.
 */
class VoiceprintIntegrationTest {

	@TempDir
	static Path vectors;

	private static ControllerEnvironment environment;

	private static ControllerUnderTest controller;

	private final Random random = new Random(11);

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
	void aNamedSpeakerIsRecognisedInALaterMeetingOfTheSameOrganisationOnly() {
		SpeakerIdentifier identifier = controller.bean(SpeakerIdentifier.class);
		VectorStore store = controller.bean(VectorStore.class);
		Messages messages = controller.messages();
		UUID organisation = UUID.randomUUID();
		UUID otherOrganisation = UUID.randomUUID();
		float[] anna = randomVector();
		float[] boris = randomVector();

		UUID first = UUID.randomUUID();
		MeetingTranscript firstJoined = identifier.identify(organisation, first,
				document(Map.of("S1", boris, "S2", anna)), transcript());
		assertThat(firstJoined.identities()).isEmpty();

		UUID voiceprint = UUID.randomUUID();
		messages.sendCommand(Queues.VOICEPRINTS, new StoreVoiceprint(organisation, voiceprint, first, "S2", "Anna"));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> store.get(VectorCollection.VOICEPRINTS, organisation, voiceprint).isPresent());

		MeetingTranscript later = identifier.identify(organisation, UUID.randomUUID(),
				document(Map.of("S1", near(anna), "S2", near(boris))), transcript());
		assertThat(later.identities()).hasSize(1);
		SpeakerIdentity identity = later.identities().get(0);
		assertThat(identity.speaker()).isEqualTo("S1");
		assertThat(identity.name()).isEqualTo("Anna");
		assertThat(identity.voiceprintId()).isEqualTo(voiceprint);
		assertThat(identity.confidence()).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);

		assertThat(identifier
			.identify(otherOrganisation, UUID.randomUUID(), document(Map.of("S1", near(anna))), transcript())
			.identities()).isEmpty();

		messages.sendCommand(Queues.VOICEPRINTS, new ForgetVoiceprint(organisation, voiceprint));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> store.get(VectorCollection.VOICEPRINTS, organisation, voiceprint).isEmpty());
		assertThat(
				identifier.identify(organisation, UUID.randomUUID(), document(Map.of("S1", near(anna))), transcript())
					.identities())
			.isEmpty();
	}

	@Test
	void oneVoiceprintNamesOnlyTheBestMatchingSpeakerOfAMeeting() {
		SpeakerIdentifier identifier = controller.bean(SpeakerIdentifier.class);
		VoiceprintCommands commands = controller.bean(VoiceprintCommands.class);
		UUID organisation = UUID.randomUUID();
		float[] anna = randomVector();
		UUID first = UUID.randomUUID();
		identifier.identify(organisation, first, document(Map.of("S1", anna)), transcript());
		assertThat(commands.store(new StoreVoiceprint(organisation, UUID.randomUUID(), first, "S1", "Anna"))).isTrue();
		// A speaker without an embedding (too little speech) gives no voiceprint.
		assertThat(commands.store(new StoreVoiceprint(organisation, UUID.randomUUID(), first, "S9", "Nobody")))
			.isFalse();

		float[] close = near(anna);
		float[] closer = anna.clone();
		MeetingTranscript later = identifier.identify(organisation, UUID.randomUUID(),
				document(Map.of("S1", close, "S2", closer)), transcript());
		assertThat(later.identities()).extracting(SpeakerIdentity::speaker).containsExactly("S2");
	}

	private static DiarizationDocument document(Map<String, float[]> embeddings) {
		return new DiarizationDocument(10, "test", List.of("S1", "S2"),
				List.of(new SpeakerTurn(0, 5, "S1"), new SpeakerTurn(5, 10, "S2")), embeddings);
	}

	private static MeetingTranscript transcript() {
		return new MeetingTranscript(Language.EN, 10, List.of("S1", "S2"), List.of(),
				List.of(new SpeakerTurn(0, 5, "S1"), new SpeakerTurn(5, 10, "S2")));
	}

	private float[] randomVector() {
		float[] v = new float[60];
		for (int i = 0; i < v.length; i++) {
			v[i] = (float) this.random.nextGaussian();
		}
		return v;
	}

	private float[] near(float[] base) {
		float[] v = base.clone();
		for (int i = 0; i < v.length; i++) {
			v[i] += (float) (this.random.nextGaussian() * 0.2);
		}
		return v;
	}

}
