package io.aigenda.backend.correction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Replacements for a doubtful word, best first: what people in the organisation corrected
 * the same word to before, then similar words that the recogniser heard confidently
 * elsewhere in the meeting or that are speakers' names. The word's own punctuation is
 * kept.
 */
final class Suggestions {

	static final int LIMIT = 5;

	private Suggestions() {
	}

	/**
	 * @param word the doubtful word as transcribed, punctuation included
	 * @param pastCorrections earlier corrections of this word (bare, lower case) with how
	 * often each was made
	 * @param vocabulary confidently heard words of the meeting with their counts
	 * @param names speakers' names
	 */
	static List<String> suggest(String word, Map<String, Integer> pastCorrections, Map<String, Integer> vocabulary,
			Iterable<String> names) {
		Token token = Token.of(word);
		Set<String> result = new LinkedHashSet<>();
		pastCorrections.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.map(Map.Entry::getKey)
			.filter(bare -> !bare.equalsIgnoreCase(token.bare()))
			.forEach(bare -> result.add(token.with(bare)));
		Map<String, Integer> candidates = new LinkedHashMap<>();
		for (String name : names) {
			for (String part : name.split("\\s+")) {
				candidates.merge(Token.of(part).bare(), 1, Integer::sum);
			}
		}
		vocabulary.forEach((w, count) -> candidates.merge(Token.of(w).bare(), count, Integer::sum));
		String needle = token.bare().toLowerCase(Locale.ROOT);
		int allowed = Math.max(1, needle.length() / 3);
		record Candidate(String text, int distance, int count) {
		}
		List<Candidate> close = new ArrayList<>();
		candidates.forEach((text, count) -> {
			if (text.length() < 2 || text.equalsIgnoreCase(needle)) {
				return;
			}
			int distance = distance(needle, text.toLowerCase(Locale.ROOT));
			if (distance <= allowed) {
				close.add(new Candidate(text, distance, count));
			}
		});
		close.stream()
			.sorted(Comparator.comparingInt(Candidate::distance)
				.thenComparing(Comparator.comparingInt(Candidate::count).reversed()))
			.forEach(c -> result.add(token.with(c.text())));
		return result.stream().limit(LIMIT).toList();
	}

	/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

	/** A word split into leading punctuation, the bare word and trailing punctuation. */
	record Token(String before, String bare, String after) {

		static Token of(String word) {
			String text = word.strip();
			int start = 0;
			int end = text.length();
			while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
				start++;
			}
			while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
				end--;
			}
			return new Token(text.substring(0, start), text.substring(start, end), text.substring(end));
		}

		String with(String bare) {
			return this.before + bare + this.after;
		}

	}

}
