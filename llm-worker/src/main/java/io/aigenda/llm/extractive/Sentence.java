package io.aigenda.llm.extractive;

import java.util.List;

/**
 * A sentence rebuilt from recognised words: one speaker, no long pause inside.
 *
 * @param index position in the meeting, from 0
 * @param terms stemmed content words (stop words removed), for scoring
 */
record Sentence(int index, String speaker, double start, double end, String text, List<String> terms) {

	int wordCount() {
		return this.text.isBlank() ? 0 : this.text.split("\\s+").length;
	}

}
