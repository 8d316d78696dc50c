package io.aigenda.diarization;

import java.util.Arrays;

/**
 * Keeps clustering's memory the same however long the meeting: agglomerative and spectral
 * clustering hold an n-by-n matrix (an hour of speech has some 4,500 windows, 80 MB of
 * floats), so above {@code maxWindows} only every k-th window is clustered, and then
 * every window joins the cluster whose centroid is nearest. A speaker who talks for more
 * than a few seconds keeps windows in the sample; the sample's weights stand for the
 * windows between.
 */
final class BoundedClusterer implements SpeakerClusterer {

	private final SpeakerClusterer clusterer;

	private final int maxWindows;

	BoundedClusterer(SpeakerClusterer clusterer, int maxWindows) {
		this.clusterer = clusterer;
		this.maxWindows = maxWindows;
	}

	@Override
	public int[] cluster(float[][] embeddings, double[] weights, Integer minSpeakers, Integer maxSpeakers) {
		int n = embeddings.length;
		if (n <= this.maxWindows) {
			return this.clusterer.cluster(embeddings, weights, minSpeakers, maxSpeakers);
		}
		int stride = (n + this.maxWindows - 1) / this.maxWindows;
		int size = (n + stride - 1) / stride;
		float[][] sample = new float[size][];
		double[] sampleWeights = new double[size];
		for (int k = 0; k < size; k++) {
			sample[k] = embeddings[k * stride];
			for (int i = k * stride; i < Math.min(n, (k + 1) * stride); i++) {
				sampleWeights[k] += weights[i];
			}
		}
		int[] sampleLabels = this.clusterer.cluster(sample, sampleWeights, minSpeakers, maxSpeakers);
		int clusters = Arrays.stream(sampleLabels).max().orElse(0) + 1;
		float[][] centroids = new float[clusters][embeddings[0].length];
		for (int k = 0; k < size; k++) {
			for (int d = 0; d < sample[k].length; d++) {
				centroids[sampleLabels[k]][d] += sample[k][d];
			}
		}
		int[] labels = new int[n];
		for (int i = 0; i < n; i++) {
			double best = Double.MAX_VALUE;
			for (int c = 0; c < clusters; c++) {
				double distance = AgglomerativeClusterer.cosineDistance(embeddings[i], centroids[c]);
				if (distance < best) {
					best = distance;
					labels[i] = c;
				}
			}
		}
		return AgglomerativeClusterer.compact(labels);
	}

}
