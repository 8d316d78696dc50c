package io.aigenda.audio;

import java.util.Arrays;

/**
 * Decoded audio: mono float samples in [-1, 1], always at {@link #SAMPLE_RATE} after
 * decoding.
 */
public record Audio(float[] samples, int sampleRate) implements AudioSource {

	public static final int SAMPLE_RATE = 16_000;

	@Override
	public double durationSeconds() {
		return (double) this.samples.length / this.sampleRate;
	}

	@Override
	public long length() {
		return this.samples.length;
	}

	@Override
	public Audio read(long from, int count) {
		int start = (int) Math.max(0, Math.min(this.samples.length, from));
		int end = (int) Math.max(start, Math.min(this.samples.length, (long) start + count));
		return new Audio(Arrays.copyOfRange(this.samples, start, end), this.sampleRate);
	}

	/** The audio between two times, clamped to the recording. */
	public Audio slice(double fromSeconds, double toSeconds) {
		return read(fromSeconds, toSeconds);
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
