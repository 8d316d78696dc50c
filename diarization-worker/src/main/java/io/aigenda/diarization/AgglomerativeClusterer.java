package io.aigenda.diarization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Average-linkage agglomerative clustering on cosine distance. The full dendrogram is
 * built with the nearest-neighbour-chain algorithm (O(n²) time, one float matrix), then
 * cut where the next merge would join clusters farther apart than the threshold, within
 * the requested speaker bounds. Clusters with too little speech are then folded into
 * their nearest larger cluster, and windows are moved to their nearest cluster centroid.
 */
class AgglomerativeClusterer implements SpeakerClusterer {

	private final DiarizationProperties.Clustering options;

	AgglomerativeClusterer(DiarizationProperties.Clustering options) {
		this.options = options;
	}

	@Override
	public int[] cluster(float[][] embeddings, double[] weights, Integer minSpeakers, Integer maxSpeakers) {
		int n = embeddings.length;
		if (n == 0) {
			return new int[0];
		}
		int max = Math.max(1, Math.min(n, maxSpeakers != null ? maxSpeakers : this.options.maxSpeakers()));
		int min = Math.max(1, Math.min(max, minSpeakers != null ? minSpeakers : 1));
		List<Merge> merges = dendrogram(embeddings);
		merges.sort(Comparator.comparingDouble(Merge::distance));
		int[] parent = new int[n];
		for (int i = 0; i < n; i++) {
			parent[i] = i;
		}
		int clusters = n;
		for (Merge merge : merges) {
			if (clusters <= min || (merge.distance() > this.options.threshold() && clusters <= max)) {
				break;
			}
			parent[find(parent, merge.a())] = find(parent, merge.b());
			clusters--;
		}
		int[] labels = new int[n];
		for (int i = 0; i < n; i++) {
			labels[i] = find(parent, i);
		}
		labels = foldSmallClusters(embeddings, weights, labels, min);
		for (int i = 0; i < this.options.refineIterations(); i++) {
			int[] refined = reassignToCentroids(embeddings, labels);
			if (Arrays.stream(refined).distinct().count() < min || Arrays.equals(refined, labels)) {
				break;
			}
			labels = refined;
		}
		return compact(labels);
	}

	/**
	 * Moves the windows of clusters with little speech to the nearest cluster by
	 * centroid.
	 */
	int[] foldSmallClusters(float[][] embeddings, double[] weights, int[] labels, int min) {
		while (true) {
			int[] ids = Arrays.stream(labels).distinct().toArray();
			if (ids.length <= min) {
				return labels;
			}
			double[] seconds = new double[labels.length];
			for (int i = 0; i < labels.length; i++) {
				seconds[labels[i]] += weights[i];
			}
			int smallest = -1;
			for (int id : ids) {
				if (seconds[id] < this.options.minSpeakerSeconds()
						&& (smallest < 0 || seconds[id] < seconds[smallest])) {
					smallest = id;
				}
			}
			if (smallest < 0) {
				return labels;
			}
			float[] from = centroid(embeddings, labels, smallest);
			int nearest = -1;
			double best = Double.MAX_VALUE;
			for (int id : ids) {
				if (id != smallest) {
					double distance = cosineDistance(from, centroid(embeddings, labels, id));
					if (distance < best) {
						best = distance;
						nearest = id;
					}
				}
			}
			for (int i = 0; i < labels.length; i++) {
				if (labels[i] == smallest) {
					labels[i] = nearest;
				}
			}
		}
	}

	/**
	 * Average linkage commits early merges for good; moving each window to the nearest
	 * cluster centroid afterwards repairs windows that were merged before their speaker's
	 * cluster formed.
	 */
	private static int[] reassignToCentroids(float[][] embeddings, int[] labels) {
		int[] ids = Arrays.stream(labels).distinct().toArray();
		float[][] centroids = new float[ids.length][];
		for (int c = 0; c < ids.length; c++) {
			centroids[c] = centroid(embeddings, labels, ids[c]);
		}
		int[] result = new int[labels.length];
		for (int i = 0; i < labels.length; i++) {
			int best = 0;
			double bestDistance = Double.MAX_VALUE;
			for (int c = 0; c < ids.length; c++) {
				double distance = cosineDistance(embeddings[i], centroids[c]);
				if (distance < bestDistance) {
					bestDistance = distance;
					best = c;
				}
			}
			result[i] = ids[best];
		}
		return result;
	}

	private static float[] centroid(float[][] embeddings, int[] labels, int id) {
		float[] sum = new float[embeddings[0].length];
		for (int i = 0; i < labels.length; i++) {
			if (labels[i] == id) {
				for (int d = 0; d < sum.length; d++) {
					sum[d] += embeddings[i][d];
				}
			}
		}
		return sum;
	}

	record Merge(int a, int b, double distance) {
	}

	/** All n-1 merges of average linkage, by the nearest-neighbour chain. */
	static List<Merge> dendrogram(float[][] embeddings) {
		int n = embeddings.length;
		float[][] distance = new float[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				float d = (float) cosineDistance(embeddings[i], embeddings[j]);
				distance[i][j] = d;
				distance[j][i] = d;
			}
		}
		int[] size = new int[n];
		Arrays.fill(size, 1);
		boolean[] active = new boolean[n];
		Arrays.fill(active, true);
		List<Merge> merges = new ArrayList<>(n);
		int[] chain = new int[n];
		int length = 0;
		int remaining = n;
		int next = 0;
		while (remaining > 1) {
			if (length == 0) {
				while (!active[next]) {
					next++;
				}
				chain[length++] = next;
			}
			int a = chain[length - 1];
			int previous = length >= 2 ? chain[length - 2] : -1;
			int b = previous;
			float best = previous >= 0 ? distance[a][previous] : Float.MAX_VALUE;
			for (int c = 0; c < n; c++) {
				if (active[c] && c != a && distance[a][c] < best) {
					best = distance[a][c];
					b = c;
				}
			}
			if (b == previous) {
				length -= 2;
				merges.add(new Merge(a, b, best));
				for (int c = 0; c < n; c++) {
					if (active[c] && c != a && c != b) {
						float d = (size[a] * distance[a][c] + size[b] * distance[b][c]) / (size[a] + size[b]);
						distance[b][c] = d;
						distance[c][b] = d;
					}
				}
				size[b] += size[a];
				active[a] = false;
				remaining--;
			}
			else {
				chain[length++] = b;
			}
		}
		return merges;
	}

	static double cosineDistance(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		if (na == 0 || nb == 0) {
			return 1;
		}
		return 1 - dot / Math.sqrt(na * nb);
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	/** Renumbers labels 0, 1, ... in order of first use, dropping clusters left empty. */
	static int[] compact(int[] labels) {
		int[] map = new int[labels.length];
		Arrays.fill(map, -1);
		int next = 0;
		int[] result = new int[labels.length];
		for (int i = 0; i < labels.length; i++) {
			if (map[labels[i]] < 0) {
				map[labels[i]] = next++;
			}
			result[i] = map[labels[i]];
		}
		return result;
	}

}
