package io.aigenda.mlcontroller.search;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The share of a question's content words (lightly stemmed, stop words left out) that a
 * passage contains: 0 when none, 1 when all.
 */
final class LexicalOverlap {

	private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at",
			"for", "from", "with", "by", "about", "as", "is", "are", "was", "were", "be", "been", "do", "does", "did",
			"what", "who", "whom", "where", "when", "why", "how", "which", "that", "this", "these", "those", "it",
			"its", "they", "them", "their", "he", "she", "his", "her", "we", "our", "you", "your", "i", "me", "my",
			"there", "any", "some", "not", "no", "so", "if", "then", "than", "can", "could", "would", "should", "will",
			"shall", "may", "might", "have", "has", "had", "say", "said", "tell", "told");

	private LexicalOverlap() {
	}

	static double score(String question, String passage) {
		Set<String> wanted = stems(question, true);
		if (wanted.isEmpty()) {
			return 0;
		}
		Set<String> present = stems(passage, false);
		long found = wanted.stream().filter(present::contains).count();
		return (double) found / wanted.size();
	}

	static Set<String> stems(String text, boolean withoutStopWords) {
		Set<String> stems = new HashSet<>();
		for (String token : tokens(text)) {
			if (!withoutStopWords || !STOP.contains(token)) {
				stems.add(stem(token));
			}
		}
		return stems;
	}

	static List<String> tokens(String text) {
		return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
			.stream()
			.map(t -> t.replaceAll("^'+|'+$", ""))
			.filter(t -> !t.isEmpty())
			.toList();
	}

	/** A light stemmer: common English inflections and possessives off. */
	static String stem(String token) {
		String t = token.toLowerCase(Locale.ROOT);
		if (t.endsWith("'s")) {
			t = t.substring(0, t.length() - 2);
		}
		for (String suffix : new String[] { "ing", "ed", "es", "s", "ly" }) {
			if (t.length() > suffix.length() + 2 && t.endsWith(suffix) && !t.endsWith("ss")) {
				return t.substring(0, t.length() - suffix.length());
			}
		}
		return t;
	}

}
