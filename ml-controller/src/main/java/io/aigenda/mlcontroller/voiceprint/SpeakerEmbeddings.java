package io.aigenda.mlcontroller.voiceprint;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-speaker embeddings of processed meetings, in the controller's own store. They
 * belong to the meeting and go with it; a voiceprint enrolled from one is a copy in the
 * vector store and stays.
 */
@Component
public class SpeakerEmbeddings {

	private final JdbcClient jdbc;

	SpeakerEmbeddings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the meeting's embeddings (a re-run of the step stores the same again). */
	@Transactional
	void replace(UUID organisationId, UUID meetingId, Map<String, float[]> embeddings) {
		this.jdbc.sql("DELETE FROM speaker_embeddings WHERE meeting_id = ?").param(meetingId).update();
		embeddings.forEach((label, vector) -> this.jdbc
			.sql("INSERT INTO speaker_embeddings (meeting_id, organisation_id, speaker_label, embedding) "
					+ "VALUES (?, ?, ?, ?)")
			.params(meetingId, organisationId, label, format(vector))
			.update());
	}

	/** Forgets a deleted meeting's embeddings; forgetting them twice changes nothing. */
	public int forget(UUID organisationId, UUID meetingId) {
		return this.jdbc.sql("DELETE FROM speaker_embeddings WHERE meeting_id = ? AND organisation_id = ?")
			.params(meetingId, organisationId)
			.update();
	}

	Optional<float[]> find(UUID organisationId, UUID meetingId, String label) {
		return this.jdbc
			.sql("SELECT embedding FROM speaker_embeddings WHERE meeting_id = ? AND organisation_id = ? "
					+ "AND speaker_label = ?")
			.params(meetingId, organisationId, label)
			.query(String.class)
			.optional()
			.map(SpeakerEmbeddings::parse);
	}

	static String format(float[] vector) {
		StringBuilder out = new StringBuilder(vector.length * 10);
		for (int i = 0; i < vector.length; i++) {
			out.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "%.7g", vector[i]));
		}
		return out.toString();
	}

	static float[] parse(String text) {
		String[] parts = text.split(",");
		float[] vector = new float[parts.length];
		for (int i = 0; i < parts.length; i++) {
			vector[i] = Float.parseFloat(parts[i]);
		}
		return vector;
	}

}
