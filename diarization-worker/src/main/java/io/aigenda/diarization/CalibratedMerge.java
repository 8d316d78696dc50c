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
		if (threshold <= 0) {
			return result;
		}
		while (true) {
			int[] ids = Arrays.stream(result).distinct().toArray();
			if (ids.length <= Math.max(1, minSpeakers)) {
				return result;
			}
			double[][] centroids = new double[ids.length][];
			int[] counts = new int[ids.length];
			for (int c = 0; c < ids.length; c++) {
				centroids[c] = new double[calibrated[0].length];
				for (int i = 0; i < result.length; i++) {
					if (result[i] == ids[c]) {
						counts[c]++;
						for (int d = 0; d < centroids[c].length; d++) {
							centroids[c][d] += calibrated[i][d];
						}
					}
				}
				for (int d = 0; d < centroids[c].length; d++) {
					centroids[c][d] /= counts[c];
				}
			}
			double best = Double.MAX_VALUE;
			int from = -1;
			int into = -1;
			for (int a = 0; a < ids.length; a++) {
				for (int b = a + 1; b < ids.length; b++) {
					double s = statistic(centroids[a], counts[a], centroids[b], counts[b]);
					if (s < best) {
						best = s;
						from = (counts[a] < counts[b]) ? a : b;
						into = (from == a) ? b : a;
					}
				}
			}
			if (best >= threshold) {
				return result;
			}
			for (int i = 0; i < result.length; i++) {
				if (result[i] == ids[from]) {
					result[i] = ids[into];
				}
			}
		}
	}

	/**
	 * Squared centroid distance per dimension less what window noise alone adds to it
	 * ({@code 1/n1 + 1/n2}, as one speaker's windows have unit variance per dimension on
	 * the calibrated scale): an estimate of how far apart the two voices are.
	 */
	static double statistic(double[] a, int na, double[] b, int nb) {
		double sum = 0;
		for (int d = 0; d < a.length; d++) {
			sum += (a[d] - b[d]) * (a[d] - b[d]);
		}
		return sum / a.length - (1.0 / na + 1.0 / nb);
	}

}
