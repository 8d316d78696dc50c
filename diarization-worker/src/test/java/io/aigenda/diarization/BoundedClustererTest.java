package io.aigenda.diarization;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedClustererTest {

	private final AgglomerativeClusterer agglomerative = new AgglomerativeClusterer(
			new DiarizationProperties.Clustering(0.5, 10, 2.0, 2));

	@Test
	void aMeetingWithFewerWindowsThanTheBoundIsClusteredAsBefore() {
		float[][] points = speakers(new int[] { 0, 0, 1, 1, 0, 2, 2, 2, 1 }, 16, 0.1, 7);
		double[] weights = new double[points.length];
		Arrays.fill(weights, 0.75);
		assertThat(new BoundedClusterer(this.agglomerative, 100).cluster(points, weights, null, null))
			.containsExactly(this.agglomerative.cluster(points, weights, null, null));
	}

	@Test
	void aLongMeetingIsClusteredOnASampleAndEveryWindowJoinsItsSpeaker() {
		// 3,000 windows of three voices taking turns of 40 windows; only 150 are clustered together
		int[] truth = new int[3000];
		for (int i = 0; i < truth.length; i++) {
			truth[i] = (i / 40) % 3;
		}
		float[][] points = speakers(truth, 24, 0.3, 11);
		double[] weights = new double[points.length];
		Arrays.fill(weights, 0.75);
		int[] labels = new BoundedClusterer(this.agglomerative, 150).cluster(points, weights, null, null);
		assertThat(labels).hasSize(3000);
		assertThat(Arrays.stream(labels).distinct().count()).isEqualTo(3);
		int[] mapping = new int[3];
		Arrays.fill(mapping, -1);
		int wrong = 0;
		for (int i = 0; i < truth.length; i++) {
			if (mapping[truth[i]] < 0) {
				mapping[truth[i]] = labels[i];
			}
			wrong += mapping[truth[i]] == labels[i] ? 0 : 1;
		}
		assertThat(wrong).isZero();
		assertThat(labels[0]).isZero();
	}

	@Test
	void speakerBoundsReachTheSampledClustering() {
		int[] truth = new int[1200];
		for (int i = 0; i < truth.length; i++) {
			truth[i] = (i / 50) % 4;
		}
		float[][] points = speakers(truth, 24, 0.3, 5);
		double[] weights = new double[points.length];
		Arrays.fill(weights, 0.75);
		int[] labels = new BoundedClusterer(this.agglomerative, 200).cluster(points, weights, null, 2);
		assertThat(Arrays.stream(labels).distinct().count()).isEqualTo(2);
	}

	/** Noisy points around one random direction per speaker. */
	private static float[][] speakers(int[] labels, int dims, double noise, long seed) {
		Random random = new Random(seed);
		int count = Arrays.stream(labels).max().orElse(0) + 1;
		float[][] centres = new float[count][dims];
		for (float[] centre : centres) {
			for (int d = 0; d < dims; d++) {
				centre[d] = (float) random.nextGaussian();
			}
		}
		float[][] points = new float[labels.length][dims];
		for (int i = 0; i < labels.length; i++) {
			for (int d = 0; d < dims; d++) {
				points[i][d] = (float) (centres[labels[i]][d] + noise * random.nextGaussian());
			}
		}
		return points;
	}

}
