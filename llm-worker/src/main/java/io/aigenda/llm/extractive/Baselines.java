package io.aigenda.llm.extractive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.TextLanguage;
import io.aigenda.contracts.Word;
import io.aigenda.llm.minutes.LlmProperties;

/**
 * The trivial summaries minutes are compared with: the first sentences of the transcript
 * (lead-N) and the sentences closest to the TF-IDF centroid, both as said (no cleaning)
 * and of the length given, so a writer only beats them by choosing and writing better.
 */
public final class Baselines {

	private Baselines() {
	}

	/** The first sentences up to {@code budgetWords} words. */
	public static String lead(MeetingTranscript transcript, int budgetWords) {
		List<Sentence> sentences = sentences(transcript);
		List<Sentence> chosen = new ArrayList<>();
		int words = 0;
		for (Sentence sentence : sentences) {
			if (words >= budgetWords) {
				break;
			}
			chosen.add(sentence);
			words += sentence.wordCount();
		}
		return SummaryBuilder.text(chosen);
	}

	/**
	 * The sentences most similar to the TF-IDF centroid up to {@code budgetWords} words,
	 * in time order.
	 */
	public static String tfidf(MeetingTranscript transcript, int budgetWords) {
		List<Sentence> sentences = sentences(transcript);
		TermVectors vectors = new TermVectors(sentences);
		Map<String, Double> centroid = new HashMap<>();
		List<Map<String, Double>> each = new ArrayList<>();
		for (Sentence sentence : sentences) {
			Map<String, Double> vector = vectors.vector(sentence.terms());
			each.add(vector);
			TermVectors.add(centroid, vector);
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < sentences.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble((Integer i) -> TermVectors.cosine(each.get(i), centroid)).reversed());
		List<Integer> chosen = new ArrayList<>();
		int words = 0;
		for (int i : order) {
			if (words >= budgetWords) {
				break;
			}
			chosen.add(i);
			words += sentences.get(i).wordCount();
		}
		chosen.sort(Comparator.naturalOrder());
		return SummaryBuilder.text(chosen.stream().map(sentences::get).toList());
	}

	private static List<Sentence> sentences(MeetingTranscript transcript) {
		List<Word> words = transcript.words() == null ? List.of() : transcript.words();
		StringBuilder all = new StringBuilder();
		words.forEach(w -> all.append(w.text()).append(' '));
		Language language = Language.decide(transcript.language(), TextLanguage.of(all));
		LlmProperties.Extractive options = LlmProperties.Extractive.defaults();
		return Sentences.split(words, language, options.pauseSeconds(), options.maxSentenceWords());
	}

}
