package io.aigenda.contracts;

import java.util.Locale;
import java.util.Set;

/**
 * The words of a search question that carry its meaning, compared by a light stem: the
 * ml-controller ranks passages by them and the backend highlights them, so both read a
 * question the same way.
 */
public final class QueryWords {

	private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at",
			"for", "from", "with", "by", "about", "as", "is", "are", "was", "were", "be", "been", "do", "does", "did",
			"what", "who", "whom", "where", "when", "why", "how", "which", "that", "this", "these", "those", "it",
			"its", "they", "them", "their", "he", "she", "his", "her", "we", "our", "you", "your", "i", "me", "my",
			"there", "any", "some", "not", "no", "so", "if", "then", "than", "can", "could", "would", "should", "will",
			"shall", "may", "might", "have", "has", "had", "say", "said", "tell", "told");

	private QueryWords() {
	}

	/** Whether a lower-case token is a function word that says nothing of the topic. */
	public static boolean isStopWord(String token) {
		return STOP.contains(token);
	}

	/**
	 * A light stemmer: case, surrounding quotes, possessives and common English
	 * inflections off.
	 */
	public static String stem(String token) {
		String t = token.toLowerCase(Locale.ROOT).replaceAll("^'+|'+$", "");
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
