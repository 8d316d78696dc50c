package io.aigenda.backend.transcript;

import java.util.List;
import java.util.Map;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;

/** The transcript as the API shows it: speakers with their names, words with times. */
public record TranscriptView(Language language, double durationSeconds, List<Speaker> speakers, List<WordView> words) {

	public static TranscriptView of(MeetingTranscript transcript, Map<String, String> names) {
		List<Speaker> speakers = names.entrySet().stream().map(e -> new Speaker(e.getKey(), e.getValue())).toList();
		List<WordView> words = transcript.words()
			.stream()
			.map(w -> new WordView(w.start(), w.end(), w.text(), w.confidence(), w.speaker()))
			.toList();
		return new TranscriptView(transcript.language(), transcript.durationSeconds(), speakers, words);
	}

	public record Speaker(String label, String name) {
	}

	public record WordView(double start, double end, String text, double confidence, String speaker) {
	}

}
