package io.aigenda.contracts;

import java.util.List;

/** The joined, speaker-attributed transcript the ml-controller writes for the llm-worker and backend. */
public record MeetingTranscript(String language, double durationSeconds, List<String> speakers, List<Word> words,
		List<SpeakerTurn> turns) {
}
