package io.aigenda.mlcontroller.voiceprint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	/** @return whether a voiceprint was stored (false: the speaker has no embedding) */
	public boolean store(StoreVoiceprint command) {
		Optional<float[]> embedding = this.embeddings.find(command.organisationId(), command.meetingId(),
				command.speakerLabel());
		if (embedding.isEmpty()) {
			// Too little speech for a voiceprint, or a meeting processed without embeddings.
			log.warn("No embedding for speaker {} of meeting {}; voiceprint {} not stored", command.speakerLabel(),
					command.meetingId(), command.voiceprintId());
			return false;
		}
		this.vectors.upsert(VectorCollection.VOICEPRINTS, command.organisationId(),
				List.of(new VectorPoint(command.voiceprintId(), embedding.get(),
						Map.of(NAME, command.name(), "meeting_id", command.meetingId().toString(), "speaker_label",
								command.speakerLabel()))));
		log.info("Stored voiceprint {} ({})", command.voiceprintId(), command.name());
		return true;
	}

	public void forget(ForgetVoiceprint command) {
		boolean deleted = this.vectors.delete(VectorCollection.VOICEPRINTS, command.organisationId(),
				command.voiceprintId());
		log.info("Voiceprint {} {}", command.voiceprintId(), deleted ? "forgotten" : "was already gone");
	}

}
