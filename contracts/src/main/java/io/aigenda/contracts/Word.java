package io.aigenda.contracts;

/**
 * One recognised word.
 *
 * @param start seconds from the start of the recording
 * @param end seconds from the start of the recording
 * @param confidence 0..1 as reported by the engine
 * @param speaker speaker label ({@code S1}, {@code S2}...), {@code null} before
 * diarization
 * @param display the readable form of the word (capitalised, punctuated, digits);
 * {@code null} means the same as {@code text}
 */
public record Word(double start, double end, String text, double confidence, String speaker, String display) {

	public Word(double start, double end, String text, double confidence, String speaker) {
		this(start, end, text, confidence, speaker, null);
	}

	public Word withSpeaker(String newSpeaker) {
		return new Word(this.start, this.end, this.text, this.confidence, newSpeaker, this.display);
	}

	/** What people read: the display form where there is one, else the raw text. */
	public String readable() {
		return this.display != null ? this.display : this.text;
	}

}
