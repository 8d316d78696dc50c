package io.aigenda.diarization;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalibratedMergeTest {

	private final Random random = new Random(7);

	/**
	 * Windows of voices at the given centres, unit noise per dimension (the calibrated
	 * scale).
	 */
	private float[][] windows(int perVoice, double[]... centres) {
		float[][] out = new float[perVoice * centres.length][];
		for (int v = 0; v < centres.length; v++) {
			for (int i = 0; i < perVoice; i++) {
				float[] w = new float[centres[v].length];
				for (int d = 0; d < w.length; d++) {
					w[d] = (float) (centres[v][d] + this.random.nextGaussian());
				}
				out[v * perVoice + i] = w;
			}
		}
		return out;
	}

	private static double[] centre(int dims, double value, int axis) {
		double[] c = new double[dims];
		c[axis] = value;
		return c;
	}

	@Test
	void oneVoiceSplitInTwoIsJoinedAndTwoVoicesStayApart() {
		int dims = 40;
		float[][] one = windows(30, centre(dims, 0, 0));
		int[] split = new int[one.length];
		for (int i = 0; i < split.length; i++) {
			split[i] = i % 2;
		}
		assertThat(Arrays.stream(CalibratedMerge.merge(split, one, 0.5, 1)).distinct().count()).isEqualTo(1);

		// two voices 8 units apart on one axis: 64 / 40 = 1.6 per dimension
		float[][] two = windows(30, centre(dims, 0, 0), centre(dims, 8, 0));
		int[] labels = new int[two.length];
		for (int i = 30; i < labels.length; i++) {
			labels[i] = 1;
		}
		assertThat(Arrays.stream(CalibratedMerge.merge(labels, two, 0.5, 1)).distinct().count()).isEqualTo(2);
		// a high enough threshold, or none at all, decides otherwise
		assertThat(Arrays.stream(CalibratedMerge.merge(labels, two, 3, 1)).distinct().count()).isEqualTo(1);
		assertThat(CalibratedMerge.merge(split, one, 0, 1)).isEqualTo(split);
	}

	@Test
	void neverMergesBelowTheRequestedMinimum() {
		float[][] one = windows(20, centre(10, 0, 0));
		int[] split = new int[one.length];
		for (int i = 0; i < split.length; i++) {
			split[i] = i % 3;
		}
		assertThat(Arrays.stream(CalibratedMerge.merge(split, one, 5, 2)).distinct().count()).isEqualTo(2);
	}

	@Test
	void theNoiseOfSmallClustersIsDiscounted() {
		double[] a = new double[] { 1, 0 };
		double[] b = new double[] { 0, 0 };
		// squared distance 1 over 2 dimensions = 0.5, less 1/4 + 1/4
		assertThat(CalibratedMerge.statistic(a, 4, b, 4)).isEqualTo(0.0);
		assertThat(CalibratedMerge.statistic(a, 1000, b, 1000)).isGreaterThan(0.49);
	}

}
