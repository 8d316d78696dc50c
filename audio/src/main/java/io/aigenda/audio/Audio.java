package io.aigenda.audio;

import java.util.Arrays;

/**
 * Decoded audio: mono float samples in [-1, 1], always at {@link #SAMPLE_RATE} after decoding.
 */
public record Audio(float[] samples, int sampleRate) {

	public static final int SAMPLE_RATE = 16_000;

	public double durationSeconds() {
		return (double) this.samples.length / this.sampleRate;
	}

	/** The audio between two times, clamped to the recording. */
	public Audio slice(double fromSeconds, double toSeconds) {
		int from = (int) Math.max(0, Math.min(this.samples.length, Math.round(fromSeconds * this.sampleRate)));
		int to = (int) Math.max(from, Math.min(this.samples.length, Math.round(toSeconds * this.sampleRate)));
		return new Audio(Arrays.copyOfRange(this.samples, from, to), this.sampleRate);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Audio audio && audio.sampleRate == this.sampleRate
				&& Arrays.equals(audio.samples, this.samples);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.samples) + this.sampleRate;
	}

	@Override
	public String toString() {
		return "Audio[" + this.samples.length + " samples, " + this.sampleRate + " Hz]";
	}

}
