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

	/**
	 * A thousand windows of one voice with a slight drift separate "significantly" (the
	 * separation grows with the number of windows) but their groups stay close on the
	 * calibrated scale, so the recording stays one voice; two voices 1 apart per
	 * dimension are two at 40 windows and at a thousand.
	 */
	@Test
	void theDistanceKeepsALongMonologueOneVoiceAndTwoVoicesTwo() {
		DiarizationProperties.Clustering options = DiarizationProperties.Clustering.defaults();
		Random random = new Random(3);
		SpeakerCount.TwoGroups monologue = SpeakerCount.split(clouds(random, 1000, 20, 0.8, 0.3));
		assertThat(monologue.separation()).isGreaterThan(options.singleSpeakerSeparation());
		assertThat(monologue.distance()).isLessThan(options.singleSpeakerDistance());
		assertThat(SpeakerCount.oneVoice(monologue, options)).isTrue();
		for (int n : new int[] { 40, 1000 }) {
			SpeakerCount.TwoGroups two = SpeakerCount.split(clouds(random, n, 20, 0.8, 1));
			assertThat(two.distance()).as(n + " windows").isGreaterThan(0.7);
			assertThat(SpeakerCount.oneVoice(two, options)).as(n + " windows").isFalse();
		}
		assertThat(SpeakerCount.oneVoice(monologue, options.withSingleSpeakerDistance(0))).isFalse();
	}

	/**
	 * An estimate that splits the cut's clusters nests in it; one that joins the two
	 * people the cut kept apart and carves small pieces out of them does not.
	 */
	@Test
	void anEstimateNestsWhenItOnlySplitsWhatTheCutJoined() {
		int[] cut = { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1 };
		assertThat(SpeakerCount.nesting(new int[] { 0, 0, 1, 1, 2, 2, 3, 3, 4, 4 }, cut)).isEqualTo(1.0);
		// 1 of 10 windows strays: 0.9
		assertThat(SpeakerCount.nesting(new int[] { 0, 0, 1, 1, 2, 3, 3, 3, 4, 4 }, cut)).isEqualTo(0.9);
		// both people in one cluster, bits of each apart: 0.7, under the default
		double mixed = SpeakerCount.nesting(new int[] { 0, 0, 0, 0, 1, 2, 0, 0, 0, 3 }, cut);
		assertThat(mixed).isEqualTo(0.7);
		assertThat(mixed).isLessThan(DiarizationProperties.Clustering.defaults().countNesting());
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
