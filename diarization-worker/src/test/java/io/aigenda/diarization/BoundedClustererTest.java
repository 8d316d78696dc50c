package io.aigenda.diarization;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedClustererTest {

	private final AgglomerativeClusterer agglomerative = new AgglomerativeClusterer(
			DiarizationProperties.Clustering.defaults().withThreshold(0.5));

	@Test
	void aMeetingWithFewerWindowsThanTheBoundIsClusteredAsBefore() {
		float[][] points = speakers(new int[] { 0, 0, 1, 1, 0, 2, 2, 2, 1 }, 16, 0.1, 7);
		double[] weights = windows(points.length);
		assertThat(new BoundedClusterer(this.agglomerative, 100).cluster(points, weights, null, null))
			.containsExactly(this.agglomerative.cluster(points, weights, null, null));
	}

	@Test
	void aLongMeetingIsClusteredOnASampleAndEveryWindowJoinsItsSpeaker() {
		// 3,000 windows of three voices taking turns of 40 windows; only 150 are
		// clustered together
		int[] truth = turnTaking(3000, 40, 3);
		float[][] points = speakers(truth, 24, 0.3, 11);
		int[] labels = new BoundedClusterer(this.agglomerative, 150).cluster(points, windows(points.length), null,
				null);
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
		float[][] points = speakers(turnTaking(1200, 50, 4), 24, 0.3, 5);
		int[] labels = new BoundedClusterer(this.agglomerative, 200).cluster(points, windows(points.length), null, 2);
		assertThat(Arrays.stream(labels).distinct().count()).isEqualTo(2);
	}

	/**
	 * Who speaks in each of {@code windows} windows: {@code speakers} voices taking turns
	 * of {@code turn} windows.
	 */
	private static int[] turnTaking(int windows, int turn, int speakers) {
		int[] truth = new int[windows];
		for (int i = 0; i < windows; i++) {
			truth[i] = (i / turn) % speakers;
		}
		return truth;
	}

	/** Seconds of new speech each window stands for: one hop. */
	private static double[] windows(int count) {
		double[] weights = new double[count];
		Arrays.fill(weights, 0.75);
		return weights;
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
