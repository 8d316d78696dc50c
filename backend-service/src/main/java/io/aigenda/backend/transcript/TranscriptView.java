package io.aigenda.backend.transcript;

import java.util.List;
import java.util.Map;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;

/**
 * The transcript as the API shows it: speakers with their names, words with times, and
 * the speaker turns (who spoke when, overlaps included) the words were attributed by.
 */
public record TranscriptView(Language language, double durationSeconds, List<Speaker> speakers, List<WordView> words,
		List<TurnView> turns) {

	public static TranscriptView of(MeetingTranscript transcript, Map<String, String> names) {
		List<Speaker> speakers = names.entrySet().stream().map(e -> new Speaker(e.getKey(), e.getValue())).toList();
		List<WordView> words = transcript.words()
			.stream()
			.map(w -> new WordView(w.start(), w.end(), w.text(), w.confidence(), w.speaker(), w.display()))
			.toList();
		List<TurnView> turns = transcript.turns()
			.stream()
			.map(t -> new TurnView(t.speaker(), t.start(), t.end()))
			.toList();
		return new TranscriptView(transcript.language(), transcript.durationSeconds(), speakers, words, turns);
	}

	public record Speaker(String label, String name) {
	}

	/**
	 * One word.
	 *
	 * @param display the readable form (capitalised, punctuated, digits); {@code null}
	 * means the same as {@code text}
	 */
	public record WordView(double start, double end, String text, double confidence, String speaker, String display) {
	}

	public record TurnView(String speaker, double start, double end) {
	}

}
