package io.aigenda.llm.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fuzzy recall of gold items (action items, decisions): a gold item is found when some
 * predicted item contains at least {@link #THRESHOLD} of the gold item's content words
 * (lower-cased tokens of three or more letters, a few function words dropped, compared on
 * their first five letters so "buttons" meets "button"). Gold items are abstractive
 * paraphrases ("The Industrial Designer will work on the buttons"), so exact matching
 * would find nothing.
 */
public final class ItemRecall {

	public static final double THRESHOLD = 0.5;

	private static final Set<String> FUNCTION = Set.of("the", "and", "will", "for", "with", "that", "this", "are",
			"was", "were", "has", "have", "had", "team", "they", "their", "from", "into", "about", "would", "should");

	private ItemRecall() {
	}

	/** Found gold items / gold items; NaN when there are no gold items. */
	public static double recall(List<String> gold, List<String> predicted) {
		if (gold.isEmpty()) {
			return Double.NaN;
		}
		int found = 0;
		for (String item : gold) {
			Set<String> words = content(item);
			if (words.isEmpty()) {
				continue;
			}
			for (String candidate : predicted) {
				Set<String> shared = new HashSet<>(content(candidate));
				shared.retainAll(words);
				if (shared.size() >= THRESHOLD * words.size()) {
					found++;
					break;
				}
			}
		}
		return (double) found / gold.size();
	}

	static Set<String> content(String text) {
		Set<String> words = new HashSet<>();
		for (String token : Rouge.tokens(text)) {
			if (token.length() >= 3 && !FUNCTION.contains(token)) {
				words.add(token.length() > 5 ? token.substring(0, 5) : token);
			}
		}
		return words;
	}

}
