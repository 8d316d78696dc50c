package io.aigenda.mlcontroller.voiceprint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.aigenda.contracts.ForgetVoiceprint;
import io.aigenda.contracts.StoreVoiceprint;
import io.aigenda.mlcontroller.vector.VectorCollection;
import io.aigenda.mlcontroller.vector.VectorPoint;
import io.aigenda.mlcontroller.vector.VectorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Stores and forgets voiceprints. Both are idempotent: storing is an upsert under the
 * voiceprint's id, forgetting one already gone does nothing.
 */
@Service
public class VoiceprintCommands {

	static final String NAME = "name";

	private static final Logger log = LoggerFactory.getLogger(VoiceprintCommands.class);

	private final SpeakerEmbeddings embeddings;

	private final VectorStore vectors;

	VoiceprintCommands(SpeakerEmbeddings embeddings, VectorStore vectors) {
		this.embeddings = embeddings;
		this.vectors = vectors;
	}

	/**
	 * @return whether a voiceprint was stored (false: the speaker has no embedding)
	 */
	public boolean store(StoreVoiceprint command) {
		Optional<float[]> embedding = this.embeddings.find(command.organisationId(), command.meetingId(),
				command.speakerLabel());
		if (embedding.isEmpty()) {
			// Too little speech for a voiceprint, or a meeting processed without
			// embeddings.
			log.warn("No embedding for speaker {} of meeting {}; voiceprint {} not stored", command.speakerLabel(),
					command.meetingId(), command.voiceprintId());
			return false;
		}
		upsert(command.organisationId(), command.voiceprintId(), command.name(), embedding.get(),
				Map.of("meeting_id", command.meetingId().toString(), "speaker_label", command.speakerLabel()));
		return true;
	}

	/**
	 * Stores (or replaces) a voiceprint under its id; {@code source} says where the voice
	 * came from.
	 */
	void upsert(UUID organisationId, UUID voiceprintId, String name, float[] embedding, Map<String, String> source) {
		Map<String, String> payload = new HashMap<>(source);
		payload.put(NAME, name);
		this.vectors.upsert(VectorCollection.VOICEPRINTS, organisationId,
				List.of(new VectorPoint(voiceprintId, embedding, payload)));
		log.info("Stored voiceprint {} ({})", voiceprintId, name);
	}

	public void forget(ForgetVoiceprint command) {
		boolean deleted = this.vectors.delete(VectorCollection.VOICEPRINTS, command.organisationId(),
				command.voiceprintId());
		log.info("Voiceprint {} {}", command.voiceprintId(), deleted ? "forgotten" : "was already gone");
	}

}
