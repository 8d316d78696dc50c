package io.aigenda.audio;

import java.util.Arrays;

/**
 * Brings a recording to one speech loudness before voice activity detection and
 * recognition, so the words do not depend on how loud it was recorded: a meeting recorded
 * at -60 dBFS is recognised like the same meeting at -20 dBFS.
 * <p>
 * The level is a high percentile of the RMS of 30 ms frames, so it follows the speech,
 * not the pauses between it; frames of digital silence do not count. The gain brings that
 * level to {@link #TARGET_LEVEL} and is bounded; samples the gain would take near full
 * scale are limited softly instead of clipped.
 */
public final class LoudnessNormalizer {

	/** RMS of loud speech frames after normalisation: -20 dBFS. */
	public static final double TARGET_LEVEL = 0.1;

	/** Percentile of frame RMS taken as the speech level. */
	static final double PERCENTILE = 0.9;

	/** Largest gain: +80 dB, enough for a recording near -100 dBFS speech level. */
	static final double MAX_GAIN = 10_000;

	/** Smallest gain: -12 dB. */
	static final double MIN_GAIN = 0.25;

	/** Frames below this RMS (-120 dBFS) are digital silence and not measured. */
	private static final double SILENCE_RMS = 1e-6;

	private static final double FRAME_SECONDS = 0.03;

	private static final int READ_SECONDS = 60;

	private LoudnessNormalizer() {
	}

	/** The speech level of a recording (RMS, 0 when it is silent). */
	public static double speechLevel(AudioSource audio) {
		int frame = Math.max(1, (int) Math.round(FRAME_SECONDS * audio.sampleRate()));
		long frames = audio.length() / frame;
		if (frames == 0) {
			return rms(audio.read(0, (int) audio.length()).samples(), 0, (int) audio.length());
		}
		double[] levels = new double[(int) Math.min(Integer.MAX_VALUE, frames)];
		int count = 0;
		int block = READ_SECONDS * audio.sampleRate() / frame * frame;
		for (long from = 0; from + frame <= audio.length(); from += block) {
			float[] samples = audio.read(from, block).samples();
			for (int offset = 0; offset + frame <= samples.length && count < levels.length; offset += frame) {
				double level = rms(samples, offset, frame);
				if (level > SILENCE_RMS) {
					levels[count++] = level;
				}
			}
		}
		if (count == 0) {
			return 0;
		}
		Arrays.sort(levels, 0, count);
		return levels[Math.min(count - 1, (int) Math.floor(PERCENTILE * count))];
	}

	/** The gain that brings a speech level to the target, within bounds. */
	public static double gainFor(double speechLevel) {
		if (speechLevel <= 0) {
			return 1;
		}
		return Math.max(MIN_GAIN, Math.min(MAX_GAIN, TARGET_LEVEL / speechLevel));
	}

	/** The recording normalised: measured once, scaled as each stretch is read. */
	public static AudioSource normalize(AudioSource audio) {
		double gain = gainFor(speechLevel(audio));
		return (gain == 1) ? audio : new Gained(audio, (float) gain);
	}

	/** Decoded audio normalised. */
	public static Audio normalize(Audio audio) {
		double gain = gainFor(speechLevel(audio));
		return (gain == 1) ? audio : apply(audio, (float) gain);
	}

	static Audio apply(Audio audio, float gain) {
		float[] in = audio.samples();
		float[] out = new float[in.length];
		for (int i = 0; i < in.length; i++) {
			out[i] = limit(in[i] * gain);
		}
		return new Audio(out, audio.sampleRate());
	}

	/** Soft limiting above 0.95 of full scale, instead of clipping. */
	static float limit(float sample) {
		float magnitude = Math.abs(sample);
		if (magnitude <= 0.95f) {
			return sample;
		}
		float limited = 0.95f + 0.05f * (float) Math.tanh((magnitude - 0.95f) / 0.05f);
		return Math.copySign(limited, sample);
	}

	private static double rms(float[] samples, int offset, int count) {
		if (count <= 0) {
			return 0;
		}
		double sum = 0;
		for (int i = offset; i < offset + count; i++) {
			sum += (double) samples[i] * samples[i];
		}
		return Math.sqrt(sum / count);
	}

	/** A source read with a gain. */
	private record Gained(AudioSource source, float gain) implements AudioSource {

		@Override
		public int sampleRate() {
			return this.source.sampleRate();
		}

		@Override
		public long length() {
			return this.source.length();
		}

		@Override
		public Audio read(long from, int count) {
			return apply(this.source.read(from, count), this.gain);
		}

	}

}
