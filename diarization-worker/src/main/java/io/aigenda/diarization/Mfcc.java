package io.aigenda.diarization;

/**
 * Mel-frequency cepstral coefficients: pre-emphasis, Hamming window, FFT power spectrum,
 * mel filterbank, log, DCT-II. Pure Java, so the worker needs no native library.
 */
final class Mfcc {

	private final int sampleRate;

	private final int frameLength;

	private final int hop;

	private final int fftSize;

	private final int coefficients;

	private final double preEmphasis;

	private final double[] hamming;

	private final double[][] filters;

	private final double[][] dct;

	Mfcc(int sampleRate, DiarizationProperties.Embedding options) {
		this.sampleRate = sampleRate;
		this.frameLength = sampleRate * options.frameMillis() / 1000;
		this.hop = sampleRate * options.hopMillis() / 1000;
		this.fftSize = Integer.highestOneBit(Math.max(2, this.frameLength - 1)) << 1;
		this.coefficients = options.coefficients();
		this.preEmphasis = options.preEmphasis();
		this.hamming = new double[this.frameLength];
		for (int i = 0; i < this.frameLength; i++) {
			this.hamming[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (this.frameLength - 1));
		}
		this.filters = melFilters(options.melBands(), options.lowHz(), Math.min(options.highHz(), sampleRate / 2.0));
		this.dct = dct(options.coefficients() + 1, options.melBands());
	}

	/** Seconds between frames. */
	double frameStep() {
		return (double) this.hop / this.sampleRate;
	}

	/** Centre of frame {@code i} in seconds. */
	double frameTime(int i) {
		return (i * this.hop + this.frameLength / 2.0) / this.sampleRate;
	}

	/** One row of coefficients c1..cN per frame. */
	float[][] compute(float[] samples) {
		int frames = samples.length < this.frameLength ? 0 : 1 + (samples.length - this.frameLength) / this.hop;
		float[][] features = new float[frames][];
		double[] re = new double[this.fftSize];
		double[] im = new double[this.fftSize];
		double[] power = new double[this.fftSize / 2 + 1];
		double[] logMel = new double[this.filters.length];
		for (int f = 0; f < frames; f++) {
			int offset = f * this.hop;
			java.util.Arrays.fill(re, 0);
			java.util.Arrays.fill(im, 0);
			for (int i = 0; i < this.frameLength; i++) {
				int n = offset + i;
				double previous = n > 0 ? samples[n - 1] : 0;
				re[i] = (samples[n] - this.preEmphasis * previous) * this.hamming[i];
			}
			io.aigenda.diarization.kaldi.Fft.transform(re, im);
			for (int k = 0; k < power.length; k++) {
				power[k] = re[k] * re[k] + im[k] * im[k];
			}
			for (int m = 0; m < this.filters.length; m++) {
				double energy = 0;
				double[] filter = this.filters[m];
				for (int k = 0; k < filter.length; k++) {
					energy += filter[k] * power[k];
				}
				logMel[m] = Math.log(energy + 1e-10);
			}
			float[] row = new float[this.coefficients];
			for (int c = 1; c <= this.coefficients; c++) {
				double sum = 0;
				for (int m = 0; m < logMel.length; m++) {
					sum += this.dct[c][m] * logMel[m];
				}
				row[c - 1] = (float) sum;
			}
			features[f] = row;
		}
		return features;
	}

	private double[][] melFilters(int bands, double lowHz, double highHz) {
		int bins = this.fftSize / 2 + 1;
		double lowMel = mel(lowHz);
		double highMel = mel(highHz);
		double[] edges = new double[bands + 2];
		for (int i = 0; i < edges.length; i++) {
			edges[i] = hz(lowMel + (highMel - lowMel) * i / (bands + 1)) * this.fftSize / this.sampleRate;
		}
		double[][] filters = new double[bands][bins];
		for (int m = 0; m < bands; m++) {
			for (int k = 0; k < bins; k++) {
				double up = (k - edges[m]) / (edges[m + 1] - edges[m]);
				double down = (edges[m + 2] - k) / (edges[m + 2] - edges[m + 1]);
				filters[m][k] = Math.max(0, Math.min(up, down));
			}
		}
		return filters;
	}

	private static double[][] dct(int count, int bands) {
		double[][] dct = new double[count][bands];
		for (int c = 0; c < count; c++) {
			double scale = Math.sqrt((c == 0 ? 1.0 : 2.0) / bands);
			for (int m = 0; m < bands; m++) {
				dct[c][m] = scale * Math.cos(Math.PI * c * (m + 0.5) / bands);
			}
		}
		return dct;
	}

	private static double mel(double hz) {
		return 2595 * Math.log10(1 + hz / 700);
	}

	private static double hz(double mel) {
		return 700 * (Math.pow(10, mel / 2595) - 1);
	}

}
