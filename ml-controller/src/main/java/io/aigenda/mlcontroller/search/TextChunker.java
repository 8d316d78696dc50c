package io.aigenda.mlcontroller.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.Word;

/**
 * Cuts a transcript into sentences for search, each within one topic block of the
 * minutes: a sentence ends at sentence punctuation, a change of speaker, a pause of
 * {@value #PAUSE} s or more, or after {@code maxWords} words. The text is the words
 * alone, without the speaker.
 */
final class TextChunker {

	static final double PAUSE = 0.5;

	private final int maxWords;

	TextChunker(int maxWords) {
		this.maxWords = Math.max(5, maxWords);
	}

	List<TextChunk> chunks(MeetingTranscript transcript, Minutes minutes) {
		List<Word> words = transcript.words() == null ? List.of()
				: transcript.words()
					.stream()
					.filter(w -> w != null && w.text() != null && !w.text().isBlank())
					.toList();
		List<Minutes.Topic> topics = minutes == null || minutes.topics() == null ? List.of() : minutes.topics();
		List<TextChunk> chunks = new ArrayList<>();
		if (topics.isEmpty()) {
			cut(words, null, chunks);
			return chunks;
		}
		int next = 0;
		for (int t = 0; t < topics.size(); t++) {
			// words up to the next topic's start belong to this one, so no word is left
			// out
			double until = t + 1 < topics.size() ? topics.get(t + 1).start() : Double.MAX_VALUE;
			List<Word> block = new ArrayList<>();
			while (next < words.size() && words.get(next).start() < until) {
				block.add(words.get(next++));
			}
			cut(block, topics.get(t).title(), chunks);
		}
		return chunks;
	}

	private void cut(List<Word> words, String topic, List<TextChunk> chunks) {
		int from = 0;
		for (int i = 1; i <= words.size(); i++) {
			boolean end = i == words.size() || ends(words.get(i - 1)) || i - from >= this.maxWords
					|| !Objects.equals(words.get(i).speaker(), words.get(i - 1).speaker())
					|| words.get(i).start() - words.get(i - 1).end() >= PAUSE;
			if (end) {
				chunks.add(chunk(words.subList(from, i), topic));
				from = i;
			}
		}
	}

	private static boolean ends(Word word) {
		String text = word.text().strip();
		return text.endsWith(".") || text.endsWith("?") || text.endsWith("!");
	}

	private static TextChunk chunk(List<Word> words, String topic) {
		StringBuilder text = new StringBuilder();
		for (Word word : words) {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(word.text().strip());
		}
		String speaker = words.get(0).speaker();
		return new TextChunk(words.get(0).start(), words.get(words.size() - 1).end(),
				speaker == null ? List.of() : List.of(speaker), topic, text.toString());
	}

}
