package io.aigenda.contracts;

/**
 * One recognised word.
 *
 * @param start seconds from the start of the recording
 * @param end seconds from the start of the recording
 * @param text the word as recognised (lower case for engines without casing): used for
 * alignment, search and editing
 * @param confidence 0..1 as reported by the engine
 * @param speaker speaker label ({@code S1}, {@code S2}...), {@code null} before
 * diarization
 * @param display the readable form of the word (capitalised, punctuated, digits), for
 * example {@code "Chicago."} for {@code "chicago"}; {@code null} means the same as
 * {@code text}. Older transcripts have none.
 */
public record Word(double start, double end, String text, double confidence, String speaker, String display) {

	/** A word without a readable form of its own (shown as {@code text}). */
	public Word(double start, double end, String text, double confidence, String speaker) {
		this(start, end, text, confidence, speaker, null);
	}

	public Word withSpeaker(String newSpeaker) {
		return new Word(this.start, this.end, this.text, this.confidence, newSpeaker, this.display);
	}

	public Word withDisplay(String newDisplay) {
		return new Word(this.start, this.end, this.text, this.confidence, this.speaker, newDisplay);
	}

	/** What people read: {@code display} when there is one, else {@code text}. */
	public String readable() {
		return (this.display != null) ? this.display : this.text;
	}

}
