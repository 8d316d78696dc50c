package io.aigenda.contracts;

import java.util.List;
import java.util.Map;

/**
 * What the diarization-worker stores: speaker turns and the speaker labels used.
 *
 * @param speakerEmbeddings per speaker label, an L2-normalised embedding of all that
 * speaker's speech, comparable across recordings (for voiceprints); empty when the engine
 * has none
 */
public record DiarizationDocument(double durationSeconds, String engine, List<String> speakers, List<SpeakerTurn> turns,
		Map<String, float[]> speakerEmbeddings) {

	public DiarizationDocument {
		speakerEmbeddings = speakerEmbeddings == null ? Map.of() : Map.copyOf(speakerEmbeddings);
	}

	public DiarizationDocument(double durationSeconds, String engine, List<String> speakers, List<SpeakerTurn> turns) {
		this(durationSeconds, engine, speakers, turns, Map.of());
	}

}
