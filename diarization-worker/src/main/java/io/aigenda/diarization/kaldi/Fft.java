package io.aigenda.diarization.kaldi;

/** The fast Fourier transform the feature extractors share. */
public final class Fft {

	private Fft() {
	}

	/** In-place iterative radix-2 FFT; the length is a power of two. */
	public static void transform(double[] re, double[] im) {
		int n = re.length;
		for (int i = 1, j = 0; i < n; i++) {
			int bit = n >> 1;
			for (; (j & bit) != 0; bit >>= 1) {
				j ^= bit;
			}
			j ^= bit;
			if (i < j) {
				double t = re[i];
				re[i] = re[j];
				re[j] = t;
				t = im[i];
				im[i] = im[j];
				im[j] = t;
			}
		}
		for (int length = 2; length <= n; length <<= 1) {
			double angle = -2 * Math.PI / length;
			double wRe = Math.cos(angle);
			double wIm = Math.sin(angle);
			for (int i = 0; i < n; i += length) {
				double curRe = 1;
				double curIm = 0;
				for (int k = 0; k < length / 2; k++) {
					int a = i + k;
					int b = a + length / 2;
					double tRe = re[b] * curRe - im[b] * curIm;
					double tIm = re[b] * curIm + im[b] * curRe;
					re[b] = re[a] - tRe;
					im[b] = im[a] - tIm;
					re[a] += tRe;
					im[a] += tIm;
					double nextRe = curRe * wRe - curIm * wIm;
					curIm = curRe * wIm + curIm * wRe;
					curRe = nextRe;
				}
			}
		}
	}

}
