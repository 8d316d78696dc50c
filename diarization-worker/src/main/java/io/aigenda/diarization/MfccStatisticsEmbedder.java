package io.aigenda.diarization;

import java.util.List;

import io.aigenda.audio.Audio;

/**
 * Signal-processing speaker embedding: per window, the mean and standard deviation of
 * MFCCs and the standard deviation of their deltas. Features are mean- and
 * variance-normalised over the speech of the audio given (removing the channel): the
 * whole recording, or a few minutes of a long one. Embeddings are standardised per
 * dimension over the recording's windows before L2 normalisation, so cosine distance
 * measures how voices differ from the recording's average voice rather than from silence.
 */
class MfccStatisticsEmbedder implements SpeakerEmbedder {

	private static final int DELTA_SPAN = 2;

	private final DiarizationProperties.Embedding options;

	MfccStatisticsEmbedder(DiarizationProperties.Embedding options) {
		this.options = options;
	}

	@Override
	public float[][] raw(Audio audio, List<SpeakerSegmenter.Window> windows) {
		if (windows.isEmpty()) {
			return new float[0][];
		}
		Mfcc mfcc = new Mfcc(audio.sampleRate(), this.options);
		float[][] features = mfcc.compute(audio.samples());
		int dims = this.options.coefficients();
		boolean[] speech = new boolean[features.length];
		for (SpeakerSegmenter.Window window : windows) {
			for (int f = firstFrame(mfcc, window.start()); f < features.length
					&& mfcc.frameTime(f) <= window.end(); f++) {
				speech[f] = true;
			}
		}
		normalise(features, speech, dims);
		float[][] deltas = deltas(features, dims);
		float[][] embeddings = new float[windows.size()][];
		for (int w = 0; w < windows.size(); w++) {
			embeddings[w] = statistics(mfcc, features, deltas, windows.get(w), dims);
		}
		return embeddings;
	}

	private static int firstFrame(Mfcc mfcc, double time) {
		return Math.max(0, (int) Math.floor(time / mfcc.frameStep()) - 2);
	}

	private static float[] statistics(Mfcc mfcc, float[][] features, float[][] deltas, SpeakerSegmenter.Window window,
			int dims) {
		double[] sum = new double[dims];
		double[] squares = new double[dims];
		double[] deltaSquares = new double[dims];
		int count = 0;
		for (int f = firstFrame(mfcc, window.start()); f < features.length && mfcc.frameTime(f) <= window.end(); f++) {
			if (mfcc.frameTime(f) < window.start()) {
				continue;
			}
			for (int d = 0; d < dims; d++) {
				sum[d] += features[f][d];
				squares[d] += features[f][d] * features[f][d];
				deltaSquares[d] += deltas[f][d] * deltas[f][d];
			}
			count++;
		}
		float[] embedding = new float[3 * dims];
		if (count == 0) {
			return embedding;
		}
		for (int d = 0; d < dims; d++) {
			double mean = sum[d] / count;
			embedding[d] = (float) mean;
			embedding[dims + d] = (float) Math.sqrt(Math.max(0, squares[d] / count - mean * mean));
			embedding[2 * dims + d] = (float) Math.sqrt(deltaSquares[d] / count);
		}
		return embedding;
	}

	/** Cepstral mean and variance normalisation over speech frames. */
	private static void normalise(float[][] features, boolean[] speech, int dims) {
		double[] sum = new double[dims];
		double[] squares = new double[dims];
		int count = 0;
		for (int f = 0; f < features.length; f++) {
			if (speech[f]) {
				for (int d = 0; d < dims; d++) {
					sum[d] += features[f][d];
					squares[d] += features[f][d] * features[f][d];
				}
				count++;
			}
		}
		if (count == 0) {
			return;
		}
		for (int d = 0; d < dims; d++) {
			double mean = sum[d] / count;
			double std = Math.sqrt(Math.max(1e-12, squares[d] / count - mean * mean));
			for (float[] row : features) {
				row[d] = (float) ((row[d] - mean) / std);
			}
		}
	}

	private static float[][] deltas(float[][] features, int dims) {
		float[][] deltas = new float[features.length][dims];
		double denominator = 0;
		for (int n = 1; n <= DELTA_SPAN; n++) {
			denominator += 2 * n * n;
		}
		for (int f = 0; f < features.length; f++) {
			for (int d = 0; d < dims; d++) {
				double value = 0;
				for (int n = 1; n <= DELTA_SPAN; n++) {
					float next = features[Math.min(features.length - 1, f + n)][d];
					float previous = features[Math.max(0, f - n)][d];
					value += n * (next - previous);
				}
				deltas[f][d] = (float) (value / denominator);
			}
		}
		return deltas;
	}

}
