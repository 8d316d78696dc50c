package io.aigenda.audio;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a two-channel recording carries one speaker per channel (a call recorder, an
 * interview with a microphone each) or one sound field twice (a stereo recorder in the
 * room). The one rule both speech workers apply, so that a call never gets per-channel
 * words with mixed-down speakers or the other way round.
 * <p>
 * Sample correlation cannot tell: a spaced microphone pair delays one channel by a few
 * samples and its correlation drops to nothing. The loudness envelopes (dB per frame) of
 * the same room rise and fall together whatever the gain, while two people talking, even
 * over each other, follow their own sentences. The envelopes are compared only over
 * frames where either channel is active: the silence of both sides between sentences
 * would otherwise count as agreement. The frame is 80 ms: shorter frames lose the room
 * when one microphone hears it 10 to 20 ms late (20 ms frames: 0.52 for a 20 ms delay,
 * below the calls), longer ones blur the turns of a call
 * ({@code StereoChannelsEvaluationTest} prints the gap for each frame).
 */
public final class StereoChannels {

	// A frame is active above this (-60 dBFS) and within 30 dB of the channel's loud
	// frames.
	private static final double FLOOR_DB = -60;

	private static final double RANGE_DB = 30;

	// Past the limit the decoder stops: this much more tells "longer" without holding the
	// whole of a long recording.
	private static final double OVERRUN_SECONDS = 1;

	private StereoChannels() {
	}

	/**
	 * The rule's settings, onto which each worker maps its own configuration
	 * ({@code aigenda.asr.signal.split-stereo}, {@code aigenda.diarization.channels.*}).
	 *
	 * @param enabled whether a recording is ever taken channel by channel
	 * @param frameSeconds the loudness envelope's frame
	 * @param maxCorrelation envelopes correlated below this are two sources: the middle
	 * of the gap between the calls made from dev recordings (0.715 at most: two voices
	 * over each other the whole time with -25 dB crosstalk; the real dev call 0.22) and
	 * one room on both channels (0.889 at least: 20 ms late), see
	 * {@code StereoChannelsEvaluationTest}
	 * @param minActiveSeconds each channel must carry at least this much speech-loud
	 * audio to be a speaker (a muted side picks up clicks)
	 * @param maxSeconds longer recordings are mixed down: both channels are held in
	 * memory (30 minutes are 230 MB)
	 */
	public record Settings(boolean enabled, double frameSeconds, double maxCorrelation, double minActiveSeconds,
			double maxSeconds) {

		public static final Settings DEFAULTS = new Settings(true, 0.08, 0.8, 0.5, 1800);

		public Settings {
			if (!(frameSeconds >= 0.005 && frameSeconds <= 1)) {
				throw new IllegalArgumentException(
						"The stereo channel loudness frame must be 0.005 to 1 s, not " + frameSeconds);
			}
			if (!(maxCorrelation > -1 && maxCorrelation <= 1)) {
				throw new IllegalArgumentException(
						"The stereo channel correlation threshold must be above -1 and at most 1, not "
								+ maxCorrelation);
			}
			if (!(minActiveSeconds >= 0) || !(maxSeconds > 0)) {
				throw new IllegalArgumentException("The stereo channel minimum activity must be at least 0 s and "
						+ "the length limit above 0 s, not " + minActiveSeconds + " and " + maxSeconds);
			}
		}

		public Settings withEnabled(boolean chosen) {
			return new Settings(chosen, this.frameSeconds, this.maxCorrelation, this.minActiveSeconds, this.maxSeconds);
		}

		public Settings withMaxCorrelation(double chosen) {
			return new Settings(this.enabled, this.frameSeconds, chosen, this.minActiveSeconds, this.maxSeconds);
		}

		public Settings withMaxSeconds(double chosen) {
			return new Settings(this.enabled, this.frameSeconds, this.maxCorrelation, this.minActiveSeconds, chosen);
		}

		/** One speaker per channel: both channels speak, and not together. */
		public boolean oneSpeakerPerChannel(Layout layout) {
			return layout.leftActiveSeconds() >= this.minActiveSeconds
					&& layout.rightActiveSeconds() >= this.minActiveSeconds
					&& layout.envelopeCorrelation() < this.maxCorrelation;
		}

	}

	/**
	 * @param envelopeCorrelation correlation of the two channels' frame loudness (dB)
	 * over the frames where either is active
	 * @param leftActiveSeconds audio where the left channel is active
	 * @param rightActiveSeconds audio where the right channel is active
	 */
	public record Layout(double envelopeCorrelation, double leftActiveSeconds, double rightActiveSeconds) {
	}

	/**
	 * The decision both workers make on a recording: its left and right channels when it
	 * is a call with one speaker per channel no longer than {@code maxSeconds}; an empty
	 * list for anything else (mono, more channels, one room in stereo, too long, turned
	 * off), which is then taken as one mixed-down signal.
	 * @throws AudioDecodingException when the file is not audio the decoder can read
	 */
	public static List<Audio> callChannels(AudioDecoder decoder, Path file, Settings settings) {
		if (!settings.enabled()) {
			return List.of();
		}
		List<Audio> channels = decoder.decodeChannels(file, settings.maxSeconds());
		if (channels.size() != 2
				|| !settings.oneSpeakerPerChannel(analyse(channels.get(0), channels.get(1), settings.frameSeconds()))) {
			return List.of();
		}
		return channels;
	}

	/**
	 * How far past {@code maxSeconds} a decoder reads to tell a recording that is longer.
	 */
	static double readLimit(double maxSeconds) {
		return maxSeconds + OVERRUN_SECONDS;
	}

	/** The layout measured in the default frames. */
	public static Layout analyse(Audio left, Audio right) {
		return analyse(left, right, Settings.DEFAULTS.frameSeconds());
	}

	public static Layout analyse(Audio left, Audio right, double frameSeconds) {
		int frame = Math.max(1, (int) Math.round(frameSeconds * left.sampleRate()));
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
		double seconds = (double) frame / left.sampleRate();
		if (n < 2) {
			return new Layout(1, countA * seconds, countB * seconds);
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
		return new Layout(correlation, countA * seconds, countB * seconds);
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
