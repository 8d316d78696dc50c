package io.aigenda.diarization;

import java.util.Arrays;

/**
 * The speaker count on an absolute scale: after clustering, the two clusters whose
 * calibrated centroids are closest are joined while their distance statistic stays under
 * the threshold. The statistic is the squared distance of the centroids per dimension,
 * less the part window noise adds ({@code 1/n1 + 1/n2}, n: windows): about 0 when both
 * clusters hold one speaker's windows, whatever their size. Windows are compared on
 * {@link SpeakerCalibration}'s scale, not standardised per recording, so the same
 * threshold also decides that a recording has a single speaker.
 */
final class CalibratedMerge {

	private CalibratedMerge() {
	}

	/**
	 * @param labels cluster of each window (any ids)
	 * @param calibrated each window on the calibrated scale
	 * @param minSpeakers clusters never drop below this
	 * @return the labels after merging
	 */
	static int[] merge(int[] labels, float[][] calibrated, double threshold, int minSpeakers) {
		int[] result = labels.clone();
		if (threshold <= 0 || result.length == 0) {
			return result;
		}
		int[] ids = Arrays.stream(result).distinct().toArray();
		int k = ids.length;
		int dims = calibrated[0].length;
		// centroids, sizes and pair statistics are kept up to date merge by merge: a
		// finer
		// cut of an hour's windows has hundreds of clusters
		double[][] centroids = new double[k][dims];
		int[] counts = new int[k];
		java.util.Map<Integer, Integer> index = new java.util.HashMap<>();
		for (int c = 0; c < k; c++) {
			index.put(ids[c], c);
		}
		for (int i = 0; i < result.length; i++) {
			int c = index.get(result[i]);
			counts[c]++;
			for (int d = 0; d < dims; d++) {
				centroids[c][d] += calibrated[i][d];
			}
		}
		for (int c = 0; c < k; c++) {
			for (int d = 0; d < dims; d++) {
				centroids[c][d] /= counts[c];
			}
		}
		double[][] pairs = new double[k][k];
		for (int a = 0; a < k; a++) {
			for (int b = a + 1; b < k; b++) {
				pairs[a][b] = statistic(centroids[a], counts[a], centroids[b], counts[b]);
				pairs[b][a] = pairs[a][b];
			}
		}
		boolean[] gone = new boolean[k];
		int[] into = new int[k];
		for (int c = 0; c < k; c++) {
			into[c] = c;
		}
		int left = k;
		while (left > Math.max(1, minSpeakers)) {
			double best = Double.MAX_VALUE;
			int from = -1;
			int to = -1;
			for (int a = 0; a < k; a++) {
				if (gone[a]) {
					continue;
				}
				for (int b = a + 1; b < k; b++) {
					if (!gone[b] && pairs[a][b] < best) {
						best = pairs[a][b];
						from = (counts[a] < counts[b]) ? a : b;
						to = (from == a) ? b : a;
					}
				}
			}
			if (from < 0 || best >= threshold) {
				break;
			}
			int total = counts[from] + counts[to];
			for (int d = 0; d < dims; d++) {
				centroids[to][d] = (centroids[to][d] * counts[to] + centroids[from][d] * counts[from]) / total;
			}
			counts[to] = total;
			gone[from] = true;
			into[from] = to;
			left--;
			for (int c = 0; c < k; c++) {
				if (!gone[c] && c != to) {
					pairs[to][c] = statistic(centroids[to], counts[to], centroids[c], counts[c]);
					pairs[c][to] = pairs[to][c];
				}
			}
		}
		for (int i = 0; i < result.length; i++) {
			int c = index.get(result[i]);
			while (into[c] != c) {
				c = into[c];
			}
			result[i] = ids[c];
		}
		return result;
	}

	/**
	 * Squared centroid distance per dimension less what window noise alone adds to it
	 * ({@code 1/n1 + 1/n2}, as one speaker's windows have unit variance per dimension on
	 * the calibrated scale): an estimate of how far apart the two voices are.
	 */
	static double statistic(double[] a, int na, double[] b, int nb) {
		return Embeddings.squaredDistance(a, b) / a.length - (1.0 / na + 1.0 / nb);
	}

}
