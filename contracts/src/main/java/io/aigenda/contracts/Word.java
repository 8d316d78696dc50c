package io.aigenda.contracts;

/**
 * One recognised word.
 *
 * @param start seconds from the start of the recording
 * @param end seconds from the start of the recording
 * @param confidence 0..1 as reported by the engine
 * @param speaker speaker label ({@code S1}, {@code S2}...), {@code null} before
 * diarization
 */
public record Word(double start, double end, String text, double confidence, String speaker) {

	public Word withSpeaker(String newSpeaker) {
		return new Word(this.start, this.end, this.text, this.confidence, newSpeaker);
	}

}
