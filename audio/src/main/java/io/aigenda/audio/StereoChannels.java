package io.aigenda.audio;

import java.util.Arrays;

/**
 * Whether a two-channel recording carries one speaker per channel (a call recorder, an
 * interview with a microphone each) or one sound field twice (a stereo recorder in the
 * room). Sample correlation cannot tell: a spaced microphone pair delays one channel by a
 * few samples and its correlation drops to nothing. The loudness envelopes (30 ms frames)
 * of the same room rise and fall together whatever the delay (about 0.98 for a copy 12
 * samples late), while two people talking, even over each other, follow their own
 * sentences (0.17 on the dev clip with a speaker per channel).
 */
public final class StereoChannels {

	/** Envelopes correlated below this are two sources. */
	static final double INDEPENDENT_BELOW = 0.5;

	/** Each channel must carry at least this much speech-loud audio to be a speaker. */
	static final double MIN_ACTIVE_SECONDS = 0.5;

	// A frame is active above this (-60 dBFS) and within 30 dB of the channel's loud
	// frames.
	private static final double FLOOR_DB = -60;

	private static final double RANGE_DB = 30;

	private static final double FRAME_SECONDS = 0.03;

	private StereoChannels() {
	}

	/**
	 * @param envelopeCorrelation correlation of the two channels' frame loudness (dB)
	 * over the frames where either is active
	 * @param leftActiveSeconds audio where the left channel is active
	 * @param rightActiveSeconds audio where the right channel is active
	 */
	public record Layout(double envelopeCorrelation, double leftActiveSeconds, double rightActiveSeconds) {

		/** One speaker per channel: both channels speak, and not together. */
		public boolean oneSpeakerPerChannel() {
			return this.leftActiveSeconds >= MIN_ACTIVE_SECONDS && this.rightActiveSeconds >= MIN_ACTIVE_SECONDS
					&& this.envelopeCorrelation < INDEPENDENT_BELOW;
		}

	}

	public static Layout analyse(Audio left, Audio right) {
		int frame = Math.max(1, (int) Math.round(FRAME_SECONDS * left.sampleRate()));
		double[] a = loudness(left.samples(), frame);
		double[] b = loudness(right.samples(), frame);
		int frames = Math.min(a.length, b.length);
		boolean[] activeA = active(a, frames);
		boolean[] activeB = active(b, frames);
		double sumA = 0;
		double sumB = 0;
		int n = 0;
		int countA = 0;
		int countB = 0;
		for (int i = 0; i < frames; i++) {
			countA += activeA[i] ? 1 : 0;
			countB += activeB[i] ? 1 : 0;
			if (activeA[i] || activeB[i]) {
				sumA += a[i];
				sumB += b[i];
				n++;
			}
		}
		double frameSeconds = (double) frame / left.sampleRate();
		if (n < 2) {
			return new Layout(1, countA * frameSeconds, countB * frameSeconds);
		}
		double meanA = sumA / n;
		double meanB = sumB / n;
		double covariance = 0;
		double varianceA = 0;
		double varianceB = 0;
		for (int i = 0; i < frames; i++) {
			if (activeA[i] || activeB[i]) {
				covariance += (a[i] - meanA) * (b[i] - meanB);
				varianceA += (a[i] - meanA) * (a[i] - meanA);
				varianceB += (b[i] - meanB) * (b[i] - meanB);
			}
		}
		double correlation = (varianceA == 0 || varianceB == 0) ? 1 : covariance / Math.sqrt(varianceA * varianceB);
		return new Layout(correlation, countA * frameSeconds, countB * frameSeconds);
	}

	private static double[] loudness(float[] samples, int frame) {
		double[] db = new double[samples.length / frame];
		for (int f = 0; f < db.length; f++) {
			double energy = 0;
			for (int i = f * frame; i < (f + 1) * frame; i++) {
				energy += samples[i] * samples[i];
			}
			db[f] = 10 * Math.log10(energy / frame + 1e-12);
		}
		return db;
	}

	private static boolean[] active(double[] db, int frames) {
		boolean[] active = new boolean[frames];
		if (frames == 0) {
			return active;
		}
		double[] sorted = Arrays.copyOf(db, frames);
		Arrays.sort(sorted);
		double loud = sorted[(int) Math.min(frames - 1, Math.floor(0.9 * frames))];
		double threshold = Math.max(FLOOR_DB, loud - RANGE_DB);
		for (int i = 0; i < frames; i++) {
			active[i] = db[i] > threshold;
		}
		return active;
	}

}
