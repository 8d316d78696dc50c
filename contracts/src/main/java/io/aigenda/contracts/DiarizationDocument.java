package io.aigenda.contracts;

import java.util.List;

/** What the diarization-worker stores: speaker turns and the speaker labels used. */
public record DiarizationDocument(double durationSeconds, String engine, List<String> speakers,
		List<SpeakerTurn> turns) {
}
