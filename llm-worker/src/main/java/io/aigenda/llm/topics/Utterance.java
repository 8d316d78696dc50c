package io.aigenda.llm.topics;

/**
 * One unit a meeting is segmented into: a speaker turn or a sentence.
 *
 * @param speaker who said it, or {@code null} when unknown (then every gap may be a
 * boundary)
 * @param text what was said
 * @param start start in seconds, or {@code NaN} when the source has no times
 * @param end end in seconds, or {@code NaN}
 */
public record Utterance(String speaker, String text, double start, double end) {

	public Utterance {
		text = text == null ? "" : text;
	}

	/** An utterance without times (QMSum turns, Choi sentences). */
	public static Utterance untimed(String speaker, String text) {
		return new Utterance(speaker, text, Double.NaN, Double.NaN);
	}

	int wordCount() {
		String stripped = this.text.strip();
		return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
	}

}
