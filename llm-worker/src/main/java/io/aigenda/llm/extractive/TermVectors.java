package io.aigenda.llm.extractive;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** TF-IDF vectors over sentences, with sentences as the documents. */
final class TermVectors {

	private final Map<String, Double> idf = new HashMap<>();

	TermVectors(List<Sentence> sentences) {
		Map<String, Integer> documentFrequency = new HashMap<>();
		for (Sentence sentence : sentences) {
			sentence.terms().stream().distinct().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
		}
		int n = Math.max(1, sentences.size());
		documentFrequency.forEach((term, df) -> this.idf.put(term, Math.log((double) n / df) + 1.0));
	}

	double idf(String term) {
		return this.idf.getOrDefault(term, 1.0);
	}

	Map<String, Double> vector(List<String> terms) {
		Map<String, Double> vector = new HashMap<>();
		for (String term : terms) {
			vector.merge(term, idf(term), Double::sum);
		}
		return vector;
	}

	static Map<String, Double> add(Map<String, Double> into, Map<String, Double> vector) {
		vector.forEach((term, weight) -> into.merge(term, weight, Double::sum));
		return into;
	}

	static double cosine(Map<String, Double> a, Map<String, Double> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		Map<String, Double> small = a.size() <= b.size() ? a : b;
		Map<String, Double> large = small == a ? b : a;
		double dot = 0;
		for (Map.Entry<String, Double> entry : small.entrySet()) {
			Double other = large.get(entry.getKey());
			if (other != null) {
				dot += entry.getValue() * other;
			}
		}
		return dot / (norm(a) * norm(b));
	}

	private static double norm(Map<String, Double> vector) {
		double sum = 0;
		for (double weight : vector.values()) {
			sum += weight * weight;
		}
		return Math.sqrt(sum);
	}

}
