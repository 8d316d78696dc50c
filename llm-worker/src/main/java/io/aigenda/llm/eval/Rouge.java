package io.aigenda.llm.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ROUGE F1 (Lin, 2004) of a candidate against one reference: ROUGE-1 and ROUGE-2 from
 * clipped n-gram overlap, ROUGE-L from the longest common subsequence, over lower-cased
 * letter-and-digit tokens, without stemming or stop-word removal (so numbers are lower
 * than with ROUGE-1.5.5's {@code -m} Porter stemming).
 */
public final class Rouge {

	private Rouge() {
	}

	public record Scores(double rouge1, double rouge2, double rougeL) {
	}

	public static Scores score(String candidate, String reference) {
		List<String> c = tokens(candidate);
		List<String> r = tokens(reference);
		return new Scores(ngram(c, r, 1), ngram(c, r, 2), lcs(c, r));
	}

	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!token.isEmpty()) {
				tokens.add(token);
			}
		}
		return tokens;
	}

	static double ngram(List<String> candidate, List<String> reference, int n) {
		Map<String, Integer> ref = grams(reference, n);
		Map<String, Integer> cand = grams(candidate, n);
		int overlap = 0;
		for (Map.Entry<String, Integer> entry : cand.entrySet()) {
			overlap += Math.min(entry.getValue(), ref.getOrDefault(entry.getKey(), 0));
		}
		int candTotal = Math.max(0, candidate.size() - n + 1);
		int refTotal = Math.max(0, reference.size() - n + 1);
		return f1(overlap, candTotal, refTotal);
	}

	static double lcs(List<String> candidate, List<String> reference) {
		int[][] table = new int[candidate.size() + 1][reference.size() + 1];
		for (int i = 1; i <= candidate.size(); i++) {
			for (int j = 1; j <= reference.size(); j++) {
				table[i][j] = candidate.get(i - 1).equals(reference.get(j - 1)) ? table[i - 1][j - 1] + 1
						: Math.max(table[i - 1][j], table[i][j - 1]);
			}
		}
		return f1(table[candidate.size()][reference.size()], candidate.size(), reference.size());
	}

	private static Map<String, Integer> grams(List<String> tokens, int n) {
		Map<String, Integer> grams = new HashMap<>();
		for (int i = 0; i + n <= tokens.size(); i++) {
			grams.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
		}
		return grams;
	}

	private static double f1(int overlap, int candidate, int reference) {
		if (overlap == 0 || candidate == 0 || reference == 0) {
			return 0;
		}
		double precision = (double) overlap / candidate;
		double recall = (double) overlap / reference;
		return 2 * precision * recall / (precision + recall);
	}

}
