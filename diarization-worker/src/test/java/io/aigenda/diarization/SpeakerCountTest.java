package io.aigenda.diarization;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The separation statistic behind the single-speaker test: one cloud of windows scores
 * low whatever its spread, two clouds score high even when close.
 */
class SpeakerCountTest {

	@Test
	void oneCloudScoresLowAndTwoCloudsHigh() {
		Random random = new Random(7);
		for (double scale : new double[] { 0.5, 1, 2 }) {
			assertThat(SpeakerCount.separation(clouds(random, 40, 20, scale, 0))).as("one cloud, scale " + scale)
				.isLessThan(5);
			// two voices 1 apart per dimension on the unit scale: well separated
			assertThat(SpeakerCount.separation(clouds(random, 40, 20, scale, scale))).as("two clouds, scale " + scale)
				.isGreaterThan(7);
		}
	}

	@Test
	void tooFewWindowsAreNotTested() {
		assertThat(SpeakerCount.separation(clouds(new Random(1), SpeakerCount.MIN_WINDOWS - 1, 20, 1, 3))).isZero();
	}

	/**
	 * {@code n} windows of {@code dims} dimensions, Gaussian with deviation
	 * {@code scale}; the second half shifted by {@code shift} in every dimension.
	 */
	private static float[][] clouds(Random random, int n, int dims, double scale, double shift) {
		float[][] windows = new float[n][dims];
		for (int i = 0; i < n; i++) {
			for (int d = 0; d < dims; d++) {
				windows[i][d] = (float) (scale * random.nextGaussian() + ((i >= n / 2) ? shift : 0));
			}
		}
		return windows;
	}

}
