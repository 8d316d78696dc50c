package io.aigenda.llm.extractive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Word;

/**
 * Rebuilds sentences from recognised words. Engines without punctuation (Vosk) give one
 * long run of words, so speaker changes, pauses and a length limit end sentences as well
 * as punctuation.
 */
final class Sentences {

	private Sentences() {
	}

	static List<Sentence> split(List<Word> words, Language language, double pauseSeconds, int maxWords) {
		List<Sentence> sentences = new ArrayList<>();
		List<Word> current = new ArrayList<>();
		Word previous = null;
		for (Word word : words) {
			if (word.text() == null || word.text().isBlank()) {
				continue;
			}
			if (previous != null && !current.isEmpty()
					&& (!Objects.equals(previous.speaker(), word.speaker())
							|| word.start() - previous.end() > pauseSeconds || endsSentence(previous.text())
							|| current.size() >= maxWords)) {
				add(sentences, current, language);
				current = new ArrayList<>();
			}
			current.add(word);
			previous = word;
		}
		add(sentences, current, language);
		return sentences;
	}

	private static void add(List<Sentence> sentences, List<Word> words, Language language) {
		if (words.isEmpty()) {
			return;
		}
		StringBuilder text = new StringBuilder();
		for (Word word : words) {
			String token = word.text().strip();
			// Engines that emit punctuation as separate tokens would otherwise leave
			// "word ," behind.
			if (text.length() > 0 && !isPunctuation(token)) {
				text.append(' ');
			}
			text.append(token);
		}
		String sentence = text.toString().strip();
		if (Terms.words(sentence).isEmpty()) {
			return;
		}
		sentences.add(new Sentence(sentences.size(), words.get(0).speaker(), words.get(0).start(),
				words.get(words.size() - 1).end(), sentence, Terms.terms(sentence, language)));
	}

	static boolean endsSentence(String token) {
		String text = token.strip();
		return !text.isEmpty() && ".?!…".indexOf(text.charAt(text.length() - 1)) >= 0;
	}

	private static boolean isPunctuation(String token) {
		return !token.isEmpty() && token.chars().noneMatch(Character::isLetterOrDigit);
	}

}
