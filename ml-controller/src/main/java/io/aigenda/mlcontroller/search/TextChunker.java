package io.aigenda.mlcontroller.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.Word;

/**
 * Cuts a transcript into passages for search: each topic block of the minutes on its own
 * (the whole meeting when there are none), cut into pieces of at most {@code maxWords}
 * words, at a change of speaker where one lies in the second half of the piece.
 */
final class TextChunker {

	private final int maxWords;

	TextChunker(int maxWords) {
		this.maxWords = Math.max(10, maxWords);
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
		while (from < words.size()) {
			int to = Math.min(words.size(), from + this.maxWords);
			if (to < words.size()) {
				for (int i = to - 1; i > from + this.maxWords / 2; i--) {
					if (!Objects.equals(words.get(i).speaker(), words.get(i - 1).speaker())) {
						to = i;
						break;
					}
				}
			}
			chunks.add(chunk(words.subList(from, to), topic));
			from = to;
		}
	}

	private static TextChunk chunk(List<Word> words, String topic) {
		StringBuilder text = new StringBuilder();
		Set<String> speakers = new LinkedHashSet<>();
		String speaker = null;
		for (Word word : words) {
			if (!Objects.equals(word.speaker(), speaker) || text.isEmpty()) {
				speaker = word.speaker();
				if (!text.isEmpty()) {
					text.append('\n');
				}
				text.append(speaker == null ? "?" : speaker).append(": ");
				if (speaker != null) {
					speakers.add(speaker);
				}
			}
			else {
				text.append(' ');
			}
			text.append(word.text().strip());
		}
		return new TextChunk(words.get(0).start(), words.get(words.size() - 1).end(), List.copyOf(speakers), topic,
				text.toString());
	}

}
