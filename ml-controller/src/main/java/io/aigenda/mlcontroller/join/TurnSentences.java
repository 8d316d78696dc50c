package io.aigenda.mlcontroller.join;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.SentenceCues;
import io.aigenda.contracts.Word;

/**
 * A speaker change ends a sentence. The asr-worker ends sentences only at long pauses,
 * and people answer each other without one: the last word of a turn gets its full stop
 * (or question mark, from the same cues) and the first word of the next turn its capital,
 * in the readable form only. Engines that punctuate their own text (Whisper) are left as
 * they wrote it.
 */
final class TurnSentences {

	private TurnSentences() {
	}

	static List<Word> endAtTurns(List<Word> words, Language language) {
		if (words.stream().anyMatch(word -> word.text() != null && punctuated(word.text()))) {
			return words;
		}
		List<Word> out = new ArrayList<>(words);
		int sentenceStart = 0;
		int lastSpoken = -1;
		for (int i = 0; i < out.size(); i++) {
			Word word = out.get(i);
			String form = word.readable();
			if (form == null || form.isEmpty()) {
				// a number word absorbed into the digits before it
				continue;
			}
			if (lastSpoken >= 0 && !Objects.equals(out.get(lastSpoken).speaker(), word.speaker())) {
				Word previous = out.get(lastSpoken);
				String ending = previous.readable();
				if (!SentenceCues.endsSentence(ending)) {
					String bare = ending.endsWith(",") ? ending.substring(0, ending.length() - 1) : ending;
					List<String> sentence = out.subList(sentenceStart, lastSpoken + 1)
						.stream()
						.map(Word::text)
						.filter(text -> text != null && !text.isEmpty())
						.toList();
					out.set(lastSpoken, withForm(previous, bare + SentenceCues.endMark(sentence, language)));
				}
				word = withForm(word, capitalise(form));
				out.set(i, word);
				sentenceStart = i;
			}
			if (SentenceCues.endsSentence(word.readable())) {
				sentenceStart = i + 1;
			}
			lastSpoken = i;
		}
		return out;
	}

	private static boolean punctuated(String text) {
		return SentenceCues.endsSentence(text) || text.endsWith(",");
	}

	private static Word withForm(Word word, String form) {
		return word.withDisplay(form.equals(word.text()) ? null : form);
	}

	private static String capitalise(String text) {
		if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
			return text;
		}
		return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}

}
