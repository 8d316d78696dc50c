package io.aigenda.backend.search;

import java.util.List;
import java.util.UUID;

/** Search and question documents of the API. */
final class SearchDtos {

	private SearchDtos() {
	}

	/**
	 * The sentence of a meeting that matches the query, as the meeting reads now.
	 *
	 * @param start seconds from the start of the recording to the first word, rounded to
	 * 0.1
	 * @param speakers the speaker labels
	 * @param speakerNames the speakers' current names (the label where unnamed)
	 * @param text the words after corrections, each in its readable form
	 * @param highlights character ranges of {@code text} that match the query
	 * @param score similarity to the query, higher is closer
	 */
	record PassageView(UUID meetingId, String meetingTitle, double start, double end, List<String> speakers,
			List<String> speakerNames, String topic, String text, List<Highlight> highlights, double score) {
	}

	/** Characters {@code from} (inclusive) to {@code to} (exclusive) of a text. */
	record Highlight(int from, int to) {
	}

	record SearchResults(String query, List<PassageView> results) {
	}

	record AskRequest(String question) {
	}

	/**
	 * @param answer the best sentences with their times, or "Nothing in this meeting
	 * answers that."
	 * @param method {@code passages}: the answer quotes the meeting's best sentences
	 * @param found whether anything in the meeting answers the question
	 * @param citations the sentences the answer rests on, with their times; none when
	 * nothing answers
	 */
	record AnswerView(String question, String answer, String method, boolean found, List<PassageView> citations) {
	}

}
