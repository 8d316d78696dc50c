package io.aigenda.audio;

/**
 * Band-limited resampling with a Hann-windowed sinc kernel: good enough for speech
 * models, which look below 8 kHz, and free of the aliasing that plain decimation brings.
 */
final class Resampler {

	/** Zero crossings of the kernel on each side, at the lower of the two rates. */
	private static final int HALF_ZEROS = 16;

	private Resampler() {
	}

	static float[] resample(float[] input, int fromRate, int toRate) {
		if (fromRate == toRate) {
			return input;
		}
		double ratio = (double) toRate / fromRate;
		// Below the lower Nyquist frequency, relative to the input rate.
		double cutoff = Math.min(1.0, ratio);
		int halfWidth = (int) Math.ceil(HALF_ZEROS / cutoff);
		float[] out = new float[(int) Math.floor(input.length * ratio)];
		for (int i = 0; i < out.length; i++) {
			double center = i / ratio;
			int base = (int) Math.floor(center);
			double sum = 0;
			double norm = 0;
			for (int j = Math.max(0, base - halfWidth + 1); j <= Math.min(input.length - 1, base + halfWidth); j++) {
				double distance = j - center;
				double weight = sinc(cutoff * distance) * hann(distance / halfWidth);
				sum += input[j] * weight;
				norm += weight;
			}
			out[i] = (float) (norm == 0 ? 0 : sum / norm);
		}
		return out;
	}

	private static double sinc(double x) {
		return Math.abs(x) < 1e-9 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
	}

	private static double hann(double t) {
		return Math.abs(t) >= 1 ? 0 : 0.5 * (1 + Math.cos(Math.PI * t));
	}

}
