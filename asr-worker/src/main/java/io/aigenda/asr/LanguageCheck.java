package io.aigenda.asr;

import java.util.List;

import io.aigenda.contracts.Word;

/**
 * Whether speech was in the language of the model that recognised it, from the
 * recogniser's own confidences: a Vosk model fed another language still outputs words of
 * its own, but doubts most of them. English dev recordings (read, spontaneous, meeting,
 * phone) give a mean confidence of 0.87 to 1.0 with 60 to 97% of words at 0.9 or more;
 * Russian ones through the English model 0.64 to 0.75 and 33 to 43%. Speech counts as
 * another language only when both measures are low, so a hard English recording is not
 * turned away for one of them.
 */
final class LanguageCheck {

	/** Mean word confidence below which speech may be another language. */
	static final double MEAN_CONFIDENCE = 0.8;

	/** Share of words at {@link #CONFIDENT} or more below which it may be. */
	static final double CONFIDENT_SHARE = 0.5;

	static final double CONFIDENT = 0.9;

	/** Fewer words than this say nothing about the language. */
	static final int MIN_WORDS = 5;

	private LanguageCheck() {
	}

	/** Whether the words are of the model's language (true when too few to tell). */
	static boolean soundsLike(List<Word> words) {
		if (words.size() < MIN_WORDS) {
			return true;
		}
		double mean = words.stream().mapToDouble(Word::confidence).average().orElse(1);
		double confident = words.stream().filter((word) -> word.confidence() >= CONFIDENT).count()
				/ (double) words.size();
		return mean >= MEAN_CONFIDENCE || confident >= CONFIDENT_SHARE;
	}

}
