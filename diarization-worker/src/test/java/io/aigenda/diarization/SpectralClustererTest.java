package io.aigenda.diarization;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpectralClustererTest {

	private final SpectralClusterer clusterer = new SpectralClusterer(
			DiarizationProperties.Clustering.defaults().withMethod(DiarizationProperties.Clustering.Method.SPECTRAL));

	@Test
	void theEigengapFindsThreeSeparateGroups() {
		float[][] embeddings = groups(3, 20);
		int[] labels = this.clusterer.cluster(embeddings, weights(60), null, null);

		assertThat(Arrays.stream(labels).distinct().count()).isEqualTo(3);
		for (int g = 0; g < 3; g++) {
			int first = labels[g * 20];
			for (int i = g * 20; i < (g + 1) * 20; i++) {
				assertThat(labels[i]).isEqualTo(first);
			}
		}
	}

	@Test
	void requestedBoundsWinOverTheEigengap() {
		float[][] embeddings = groups(3, 20);
		assertThat(Arrays.stream(this.clusterer.cluster(embeddings, weights(60), null, 2)).distinct().count())
			.isEqualTo(2);
		assertThat(Arrays.stream(this.clusterer.cluster(embeddings, weights(60), 4, 4)).distinct().count())
			.isEqualTo(4);
	}

	@Test
	void eigengapPicksTheCountBeforeTheLargestGap() {
		double[] eigenvalues = { 0, 0.01, 0.02, 0.6, 0.75, 0.8 };
		assertThat(SpectralClusterer.eigengap(eigenvalues, 1, 5)).isEqualTo(3);
		assertThat(SpectralClusterer.eigengap(eigenvalues, 1, 2)).isEqualTo(1);
		assertThat(SpectralClusterer.eigengap(eigenvalues, 4, 5)).isEqualTo(4);
	}

	/** {@code count} groups of {@code size} unit vectors around orthogonal directions. */
	private static float[][] groups(int count, int size) {
		Random random = new Random(3);
		float[][] out = new float[count * size][];
		for (int g = 0; g < count; g++) {
			for (int i = 0; i < size; i++) {
				float[] v = new float[16];
				v[g] = 1;
				for (int d = 0; d < v.length; d++) {
					v[d] += (float) (random.nextGaussian() * 0.15);
				}
				Embeddings.l2(v);
				out[g * size + i] = v;
			}
		}
		return out;
	}

	private static double[] weights(int n) {
		double[] w = new double[n];
		Arrays.fill(w, 0.75);
		return w;
	}

}
