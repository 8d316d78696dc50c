package io.aigenda.diarization;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgglomerativeClustererTest {

	private final AgglomerativeClusterer clusterer = new AgglomerativeClusterer(
			DiarizationProperties.Clustering.defaults().withThreshold(0.5));

	@Test
	void separatedGroupsBecomeClustersNumberedInOrderOfAppearance() {
		float[][] points = groups(new int[] { 1, 1, 0, 0, 1, 2, 2 });
		int[] labels = this.clusterer.cluster(points, seconds(points.length, 1.0), null, null);
		assertThat(labels).containsExactly(0, 0, 1, 1, 0, 2, 2);
	}

	@Test
	void speakerBoundsOverrideTheThreshold() {
		float[][] points = groups(new int[] { 0, 0, 1, 1, 2, 2 });
		assertThat(Arrays.stream(this.clusterer.cluster(points, seconds(6, 1.0), null, 2)).distinct().count())
			.isEqualTo(2);
		float[][] one = groups(new int[] { 0, 0, 0, 0 });
		assertThat(Arrays.stream(this.clusterer.cluster(one, seconds(4, 1.0), 2, null)).distinct().count())
			.isEqualTo(2);
	}

	@Test
	void clusterWithTooLittleSpeechJoinsTheNearestOne() {
		float[][] points = groups(new int[] { 0, 0, 0, 1, 1, 1, 2 });
		int[] labels = this.clusterer.cluster(points, seconds(points.length, 1.0), null, null);
		assertThat(Arrays.stream(labels).distinct().count()).isEqualTo(2);
	}

	@Test
	void averageLinkageDendrogramHasNMinusOneMergesAtNonDecreasingHeights() {
		Random random = new Random(7);
		float[][] points = new float[40][8];
		for (float[] p : points) {
			for (int d = 0; d < p.length; d++) {
				p[d] = (float) random.nextGaussian();
			}
		}
		var merges = AgglomerativeClusterer.dendrogram(points);
		assertThat(merges).hasSize(39);
		merges.sort(java.util.Comparator.comparingDouble(AgglomerativeClusterer.Merge::distance));
		assertThat(merges.get(0).distance()).isGreaterThanOrEqualTo(0);
	}

	/** Unit vectors near one axis per group, with a little noise. */
	private static float[][] groups(int[] group) {
		Random random = new Random(42);
		float[][] points = new float[group.length][6];
		for (int i = 0; i < group.length; i++) {
			for (int d = 0; d < 6; d++) {
				points[i][d] = (float) (0.05 * random.nextGaussian());
			}
			points[i][group[i]] += 1;
			Embeddings.l2(points[i]);
		}
		return points;
	}

	private static double[] seconds(int n, double each) {
		double[] weights = new double[n];
		Arrays.fill(weights, each);
		return weights;
	}

}
