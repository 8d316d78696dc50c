package io.aigenda.diarization;

/** Normalisations the embedders share, and the distance the clusterers share. */
final class Embeddings {

	private Embeddings() {
	}

	/** Per dimension: zero mean and unit variance over the recording's windows. */
	static void standardise(float[][] embeddings) {
		int dims = embeddings[0].length;
		for (int d = 0; d < dims; d++) {
			double sum = 0;
			double squares = 0;
			for (float[] e : embeddings) {
				sum += e[d];
				squares += e[d] * e[d];
			}
			double mean = sum / embeddings.length;
			double std = Math.sqrt(Math.max(0, squares / embeddings.length - mean * mean));
			for (float[] e : embeddings) {
				e[d] = (float) (std > 1e-9 ? (e[d] - mean) / std : 0);
			}
		}
	}

	/** Subtracts the mean over the recording's windows. */
	static void centre(float[][] embeddings) {
		int dims = embeddings[0].length;
		for (int d = 0; d < dims; d++) {
			double sum = 0;
			for (float[] e : embeddings) {
				sum += e[d];
			}
			float mean = (float) (sum / embeddings.length);
			for (float[] e : embeddings) {
				e[d] -= mean;
			}
		}
	}

	/**
	 * A model's raw outputs made comparable within a recording: standardised, then unit
	 * length.
	 */
	static float[][] normalised(float[][] raw) {
		standardise(raw);
		for (float[] e : raw) {
			l2(e);
		}
		return raw;
	}

	static void l2(float[] vector) {
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		norm = Math.sqrt(norm);
		if (norm > 0) {
			for (int i = 0; i < vector.length; i++) {
				vector[i] /= (float) norm;
			}
		}
	}

	/** Squared Euclidean distance. */
	static double squaredDistance(double[] a, double[] b) {
		double sum = 0;
		for (int d = 0; d < a.length; d++) {
			sum += (a[d] - b[d]) * (a[d] - b[d]);
		}
		return sum;
	}

}
