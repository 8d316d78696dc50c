package io.aigenda.contracts;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a sentence without punctuation from the recogniser ends: with a question mark when
 * it opens with a question cue (English question words and auxiliaries; Russian question
 * words, or "ли" anywhere in it), else a full stop. The asr-worker ends sentences at long
 * pauses and the ml-controller at speaker changes; both decide the mark the same way.
 */
public final class SentenceCues {

	private static final Set<String> EN_QUESTION = Set.of("what", "why", "how", "who", "whom", "whose", "where", "when",
			"which", "do", "does", "did", "is", "are", "was", "were", "can", "could", "would", "will", "should",
			"shall", "have", "has", "had", "may", "might", "isn't", "aren't", "don't", "doesn't", "didn't", "can't",
			"won't", "wouldn't", "couldn't", "shouldn't");

	private static final Set<String> RU_QUESTION = Set.of("что", "почему", "как", "где", "когда", "кто", "зачем",
			"сколько", "какой", "какая", "какое", "какие", "куда", "откуда", "чей", "чья", "разве", "неужели");

	private SentenceCues() {
	}

	/**
	 * @param sentence the sentence's words as the recogniser wrote them, in order
	 * @return {@code "?"} or {@code "."}
	 */
	public static String endMark(List<String> sentence, Language language) {
		if (sentence.isEmpty()) {
			return ".";
		}
		String first = sentence.get(0).toLowerCase(Locale.ROOT);
		if (language == Language.RU) {
			boolean question = RU_QUESTION.contains(first)
					|| sentence.stream().anyMatch(word -> word.equalsIgnoreCase("ли"));
			return question ? "?" : ".";
		}
		return EN_QUESTION.contains(first) ? "?" : ".";
	}

	/** Whether a written form already ends its sentence. */
	public static boolean endsSentence(String written) {
		return !written.isEmpty() && ".?!…".indexOf(written.charAt(written.length() - 1)) >= 0;
	}

}
