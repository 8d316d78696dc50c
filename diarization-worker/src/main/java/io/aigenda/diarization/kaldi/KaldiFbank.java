package io.aigenda.diarization.kaldi;

/**
 * Log mel filterbank energies computed as Kaldi's {@code compute-fbank-feats} does (and
 * torchaudio's {@code compliance.kaldi.fbank}, which speaker models such as WeSpeaker
 * were trained on): 16-bit sample scale, frames with snipped edges, DC removal,
 * pre-emphasis 0.97 with the first sample repeated, Povey window, zero padding to a power
 * of two, power spectrum, triangular filters on Kaldi's mel scale, natural log floored at
 * the float epsilon. No dither, so the same audio always gives the same features.
 * {@link #mfcc} adds Kaldi's DCT and cepstral lifter.
 */
public final class KaldiFbank {

	private static final double PRE_EMPHASIS = 0.97;

	private static final double EPSILON = Math.ulp(1.0f);

	private final int frameLength;

	private final int frameShift;

	private final int fftSize;

	private final double[] window;

	/** Per filter: its first FFT bin and weights from there. */
	private final int[] firstBin;

	private final double[][] weights;

	/**
	 * @param sampleRate samples per second
	 * @param melBins filters
	 * @param lowHz lowest filter edge
	 * @param highHz highest filter edge; zero or negative counts back from the Nyquist
	 * frequency, as in Kaldi
	 */
	public KaldiFbank(int sampleRate, int melBins, double lowHz, double highHz) {
		this.frameLength = sampleRate * 25 / 1000;
		this.frameShift = sampleRate * 10 / 1000;
		this.fftSize = Integer.highestOneBit(this.frameLength - 1) << 1;
		this.window = new double[this.frameLength];
		for (int i = 0; i < this.frameLength; i++) {
			this.window[i] = Math.pow(0.5 - 0.5 * Math.cos(2 * Math.PI * i / (this.frameLength - 1)), 0.85);
		}
		double nyquist = sampleRate / 2.0;
		double high = highHz > 0 ? highHz : nyquist + highHz;
		double lowMel = mel(lowHz);
		double delta = (mel(high) - lowMel) / (melBins + 1);
		double binWidth = (double) sampleRate / this.fftSize;
		// Kaldi leaves the Nyquist bin out of every filter
		int bins = this.fftSize / 2;
		this.firstBin = new int[melBins];
		this.weights = new double[melBins][];
		for (int m = 0; m < melBins; m++) {
			double left = lowMel + m * delta;
			double center = left + delta;
			double right = center + delta;
			double[] w = new double[bins];
			int first = -1;
			int last = -1;
			for (int k = 0; k < bins; k++) {
				double f = mel(binWidth * k);
				double up = (f - left) / (center - left);
				double down = (right - f) / (right - center);
				w[k] = Math.max(0, Math.min(up, down));
				if (w[k] > 0) {
					first = (first < 0) ? k : first;
					last = k;
				}
			}
			this.firstBin[m] = Math.max(first, 0);
			this.weights[m] = (first < 0) ? new double[0] : java.util.Arrays.copyOfRange(w, first, last + 1);
		}
	}

	/** WeSpeaker's front end: 16 kHz, 80 filters from 20 Hz to the Nyquist frequency. */
	public static KaldiFbank wespeaker() {
		return new KaldiFbank(16_000, 80, 20, 0);
	}

	public int frameShift() {
		return this.frameShift;
	}

	/** Frames Kaldi makes of {@code samples} samples (edges snipped). */
	public int frames(int samples) {
		return samples < this.frameLength ? 0 : 1 + (samples - this.frameLength) / this.frameShift;
	}

	/**
	 * Features of {@code samples[from..to)}, samples in -1..1. One row per 10 ms frame.
	 */
	public float[][] compute(float[] samples, int from, int to) {
		int count = frames(to - from);
		float[][] features = new float[count][this.weights.length];
		double[] re = new double[this.fftSize];
		double[] im = new double[this.fftSize];
		double[] frame = new double[this.frameLength];
		for (int t = 0; t < count; t++) {
			int start = from + t * this.frameShift;
			double mean = 0;
			for (int i = 0; i < this.frameLength; i++) {
				frame[i] = samples[start + i] * 32768.0;
				mean += frame[i];
			}
			mean /= this.frameLength;
			for (int i = 0; i < this.frameLength; i++) {
				frame[i] -= mean;
			}
			for (int i = this.frameLength - 1; i > 0; i--) {
				frame[i] -= PRE_EMPHASIS * frame[i - 1];
			}
			frame[0] -= PRE_EMPHASIS * frame[0];
			java.util.Arrays.fill(re, 0);
			java.util.Arrays.fill(im, 0);
			for (int i = 0; i < this.frameLength; i++) {
				re[i] = frame[i] * this.window[i];
			}
			Fft.transform(re, im);
			for (int m = 0; m < this.weights.length; m++) {
				double energy = 0;
				double[] w = this.weights[m];
				for (int k = 0; k < w.length; k++) {
					int bin = this.firstBin[m] + k;
					energy += w[k] * (re[bin] * re[bin] + im[bin] * im[bin]);
				}
				features[t][m] = (float) Math.log(Math.max(energy, EPSILON));
			}
		}
		return features;
	}

	/**
	 * Kaldi's MFCCs of the same frames: DCT-II of the log energies with orthonormal
	 * scaling, then the cepstral lifter ({@code cepstral-lifter}, 22 in Kaldi).
	 */
	public float[][] mfcc(float[] samples, int from, int to, int coefficients, double lifter) {
		float[][] logMel = compute(samples, from, to);
		int bands = this.weights.length;
		double[][] dct = new double[coefficients][bands];
		for (int c = 0; c < coefficients; c++) {
			double scale = Math.sqrt((c == 0 ? 1.0 : 2.0) / bands);
			double lift = (lifter > 0) ? 1 + 0.5 * lifter * Math.sin(Math.PI * c / lifter) : 1;
			for (int m = 0; m < bands; m++) {
				dct[c][m] = lift * scale * Math.cos(Math.PI * c * (m + 0.5) / bands);
			}
		}
		float[][] out = new float[logMel.length][coefficients];
		for (int t = 0; t < logMel.length; t++) {
			for (int c = 0; c < coefficients; c++) {
				double sum = 0;
				for (int m = 0; m < bands; m++) {
					sum += dct[c][m] * logMel[t][m];
				}
				out[t][c] = (float) sum;
			}
		}
		return out;
	}

	/** Subtracts each dimension's mean over the frames (cepstral mean normalisation). */
	public static void subtractMean(float[][] features) {
		if (features.length == 0) {
			return;
		}
		int dims = features[0].length;
		double[] mean = new double[dims];
		for (float[] row : features) {
			for (int d = 0; d < dims; d++) {
				mean[d] += row[d];
			}
		}
		for (float[] row : features) {
			for (int d = 0; d < dims; d++) {
				row[d] -= (float) (mean[d] / features.length);
			}
		}
	}

	private static double mel(double hz) {
		return 1127.0 * Math.log(1 + hz / 700.0);
	}

}
