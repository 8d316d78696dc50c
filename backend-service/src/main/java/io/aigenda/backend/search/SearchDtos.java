package io.aigenda.backend.search;

import java.util.List;
import java.util.UUID;

/** Search and question documents of the API. */
final class SearchDtos {

	private SearchDtos() {
	}

	/**
	 * A passage of a meeting that matches the query.
	 *
	 * @param start seconds from the start of the recording
	 * @param score cosine similarity to the query, higher is closer
	 */
	record PassageView(UUID meetingId, String meetingTitle, double start, double end, List<String> speakers,
			String topic, String text, double score) {
	}

	record SearchResults(String query, List<PassageView> results) {
	}

	record AskRequest(String question) {
	}

	/**
	 * @param method {@code passages}: the answer quotes the meeting's best passages
	 * @param citations the passages the answer rests on, with their times
	 */
	record AnswerView(String question, String answer, String method, List<PassageView> citations) {
	}

}
