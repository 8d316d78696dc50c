package io.aigenda.llm.generative;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.aigenda.contracts.Word;

/** A run of words by one speaker, the unit the transcript is rendered and split in. */
record Turn(String speaker, double start, double end, String text) {

	/**
	 * Consecutive words of one speaker, split also at pauses over {@code pauseSeconds}.
	 */
	static List<Turn> of(List<Word> words, double pauseSeconds) {
		List<Turn> turns = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		Word first = null;
		Word previous = null;
		for (Word word : words) {
			if (word == null || word.text() == null || word.text().isBlank()) {
				continue;
			}
			if (previous != null && (!Objects.equals(previous.speaker(), word.speaker())
					|| word.start() - previous.end() > pauseSeconds)) {
				turns.add(new Turn(first.speaker(), first.start(), previous.end(), text.toString()));
				text.setLength(0);
				first = null;
			}
			if (first == null) {
				first = word;
			}
			if (text.length() > 0) {
				text.append(' ');
			}
			text.append(word.text().strip());
			previous = word;
		}
		if (first != null) {
			turns.add(new Turn(first.speaker(), first.start(), previous.end(), text.toString()));
		}
		return turns;
	}

	/** {@code [12.5] S1: text}, with the text neutralised. */
	String render() {
		return String.format(Locale.ROOT, "[%.1f] %s: %s", this.start,
				this.speaker == null ? "?" : Prompts.neutralise(this.speaker), Prompts.neutralise(this.text));
	}

	static String render(List<Turn> turns) {
		StringBuilder out = new StringBuilder();
		turns.forEach(t -> out.append(t.render()).append('\n'));
		return out.toString().stripTrailing();
	}

}
