package io.aigenda.diarization;

import java.util.Arrays;
import java.util.List;

/**
 * A pass after clustering that re-assigns every clustered window to a cluster centroid
 * along the time line: a Viterbi search whose cost is each window's cosine distance to
 * the centroid of its speaker plus {@code penalty} for every change of speaker between
 * windows closer than {@link #LINK_SECONDS}. Clustering looks at each window alone, so a
 * window whose voice sounds a little like another speaker's flips to them for a moment;
 * the penalty keeps such a window with its neighbours unless its own evidence is clearly
 * stronger, and puts changes where the evidence changes (at the pauses, where windows are
 * far apart, changing costs nothing).
 */
final class Resegmentation {

	/** Windows further apart than this (a pause) may change speaker freely. */
	static final double LINK_SECONDS = 1.0;

	private Resegmentation() {
	}

	/**
	 * @param labels cluster of each window (windows in time order)
	 * @param embeddings the windows as the clusterer sees them
	 * @param windows their times
	 * @param penalty cost of a change of speaker between linked windows; 0 or less:
	 * labels unchanged
	 */
	static int[] smooth(int[] labels, float[][] embeddings, List<SpeakerSegmenter.Window> windows, double penalty) {
		int n = labels.length;
		int[] ids = Arrays.stream(labels).distinct().sorted().toArray();
		if (penalty <= 0 || n < 2 || ids.length < 2) {
			return labels;
		}
		int k = ids.length;
		float[][] centroids = new float[k][embeddings[0].length];
		for (int i = 0; i < n; i++) {
			float[] c = centroids[Arrays.binarySearch(ids, labels[i])];
			for (int d = 0; d < c.length; d++) {
				c[d] += embeddings[i][d];
			}
		}
		double[][] cost = new double[n][k];
		int[][] from = new int[n][k];
		for (int c = 0; c < k; c++) {
			cost[0][c] = AgglomerativeClusterer.cosineDistance(embeddings[0], centroids[c]);
		}
		for (int i = 1; i < n; i++) {
			boolean linked = windows.get(i).start() - windows.get(i - 1).end() < LINK_SECONDS;
			int best = 0;
			for (int c = 1; c < k; c++) {
				if (cost[i - 1][c] < cost[i - 1][best]) {
					best = c;
				}
			}
			for (int c = 0; c < k; c++) {
				double change = cost[i - 1][best] + (linked ? penalty : 0);
				double stay = cost[i - 1][c];
				from[i][c] = (stay <= change) ? c : best;
				cost[i][c] = Math.min(stay, change)
						+ AgglomerativeClusterer.cosineDistance(embeddings[i], centroids[c]);
			}
		}
		int[] result = new int[n];
		int state = 0;
		for (int c = 1; c < k; c++) {
			if (cost[n - 1][c] < cost[n - 1][state]) {
				state = c;
			}
		}
		for (int i = n - 1; i >= 0; i--) {
			result[i] = ids[state];
			state = from[i][state];
		}
		return result;
	}

}
