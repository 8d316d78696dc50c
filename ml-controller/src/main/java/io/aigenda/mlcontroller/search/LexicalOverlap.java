package io.aigenda.mlcontroller.search;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.aigenda.contracts.QueryWords;

/**
 * The share of a question's content words (lightly stemmed, stop words left out) that a
 * passage contains: 0 when none, 1 when all.
 */
final class LexicalOverlap {

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
			if (!withoutStopWords || !QueryWords.isStopWord(token)) {
				stems.add(QueryWords.stem(token));
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

}
