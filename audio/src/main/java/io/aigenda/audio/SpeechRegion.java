package io.aigenda.audio;

/** A stretch of speech, in seconds from the start of the recording. */
public record SpeechRegion(double start, double end) {

	public double duration() {
		return this.end - this.start;
	}

}
