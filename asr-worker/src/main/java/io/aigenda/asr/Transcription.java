package io.aigenda.asr;

import io.aigenda.contracts.TranscriptDocument;

/**
 * A transcript with the time each stage took, for the worker's events and the
 * {@code bench} command's real-time factors.
 *
 * @param document the words, as stored
 * @param chunks pieces of speech given to the engine
 * @param decodeSeconds decoding the container to 16 kHz mono
 * @param vadSeconds finding speech
 * @param recognitionSeconds the engine on all chunks
 */
public record Transcription(TranscriptDocument document, int chunks, double decodeSeconds, double vadSeconds,
		double recognitionSeconds) {

	public double totalSeconds() {
		return this.decodeSeconds + this.vadSeconds + this.recognitionSeconds;
	}

	/** Processing time over audio time; below 1 is faster than real time. */
	public double realTimeFactor() {
		return ratio(totalSeconds());
	}

	/** The real-time factor of the engine alone. */
	public double recognitionRealTimeFactor() {
		return ratio(this.recognitionSeconds);
	}

	private double ratio(double seconds) {
		double audio = this.document.durationSeconds();
		return (audio > 0) ? seconds / audio : 0;
	}

}
