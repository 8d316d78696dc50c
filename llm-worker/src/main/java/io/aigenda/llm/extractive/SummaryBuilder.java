package io.aigenda.llm.extractive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Extractive summary: each sentence is scored by its TF-IDF similarity to the meeting's
 * centroid, times a length prior (fillers and fragments say little) and a mild position
 * prior (meetings tend to state their purpose early); the best sentences that are not
 * near-duplicates of one already taken fill the length budget and are then put back in
 * time order.
 */
final class SummaryBuilder {

	private static final int MIN_TERMS = 4;

	private static final double REDUNDANCY = 0.6;

	private SummaryBuilder() {
	}

	static List<Sentence> select(List<Sentence> sentences, TermVectors vectors, int maxSentences, int maxChars) {
		Map<String, Double> centroid = new HashMap<>();
		List<Map<String, Double>> sentenceVectors = new ArrayList<>();
		for (Sentence sentence : sentences) {
			Map<String, Double> vector = vectors.vector(sentence.terms());
			sentenceVectors.add(vector);
			TermVectors.add(centroid, vector);
		}
		List<Integer> candidates = new ArrayList<>();
		double[] scores = new double[sentences.size()];
		// a short meeting may have no sentence with MIN_TERMS content words; it still
		// gets a summary
		int minTerms = sentences.stream().anyMatch(s -> s.terms().size() >= MIN_TERMS && !s.text().endsWith("?"))
				? MIN_TERMS : 1;
		for (int i = 0; i < sentences.size(); i++) {
			Sentence sentence = sentences.get(i);
			if (sentence.terms().size() < minTerms || sentence.text().endsWith("?")) {
				continue;
			}
			// informative but not rambling: content words up to 8 help, more than 30
			// words hurt,
			// and a sentence thick with fillers ("um", "you know") reads badly in minutes
			int words = Math.max(1, sentence.wordCount());
			double length = Math.min(1.0, sentence.terms().size() / 8.0) * Math.min(1.0, 30.0 / words);
			double density = 0.5 + Math.min(1.0, (double) sentence.terms().size() / words);
			double position = 1.0 + 0.15 * (1.0 - (double) i / sentences.size());
			scores[i] = TermVectors.cosine(sentenceVectors.get(i), centroid) * length * density * position;
			candidates.add(i);
		}
		candidates.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
		List<Integer> chosen = new ArrayList<>();
		int chars = 0;
		for (int i : candidates) {
			if (chosen.size() >= maxSentences) {
				break;
			}
			int length = sentences.get(i).text().length();
			if (chars + length > maxChars && !chosen.isEmpty()) {
				continue;
			}
			boolean redundant = chosen.stream()
				.anyMatch(j -> TermVectors.cosine(sentenceVectors.get(i), sentenceVectors.get(j)) > REDUNDANCY);
			if (!redundant) {
				chosen.add(i);
				chars += length;
			}
		}
		chosen.sort(Comparator.naturalOrder());
		return chosen.stream().map(sentences::get).toList();
	}

	/**
	 * Sentences as one paragraph, each starting with a capital and ending with a full
	 * stop.
	 */
	static String text(List<Sentence> sentences) {
		StringBuilder text = new StringBuilder();
		for (Sentence sentence : sentences) {
			if (text.length() > 0) {
				text.append(' ');
			}
			text.append(tidy(sentence.text()));
		}
		return text.toString();
	}

	static String tidy(String sentence) {
		String text = sentence.strip();
		if (text.isEmpty()) {
			return text;
		}
		text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
		char last = text.charAt(text.length() - 1);
		if (".?!…".indexOf(last) < 0) {
			text = (Character.isLetterOrDigit(last) ? text : text.substring(0, text.length() - 1).strip()) + ".";
		}
		return text;
	}

}
