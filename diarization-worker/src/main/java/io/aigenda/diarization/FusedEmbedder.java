package io.aigenda.diarization;

import java.util.List;

import io.aigenda.audio.Audio;

/**
 * Two embedders' unit vectors side by side, each weighted by 1/sqrt(2), so the cosine of
 * two fused embeddings is the mean of the two cosines: the i-vector's learned speaker
 * space and the spectral statistics err on different windows, and their average errs less
 * than either.
 */
final class FusedEmbedder implements SpeakerEmbedder {

	private final SpeakerEmbedder first;

	private final SpeakerEmbedder second;

	/**
	 * Size of the first embedder's part, fixed by its model; known after the first
	 * window.
	 */
	private volatile int firstDimensions;

	FusedEmbedder(SpeakerEmbedder first, SpeakerEmbedder second) {
		this.first = first;
		this.second = second;
	}

	@Override
	public float[][] raw(Audio audio, List<SpeakerSegmenter.Window> windows) {
		float[][] a = this.first.raw(audio, windows);
		float[][] b = this.second.raw(audio, windows);
		float[][] joined = new float[windows.size()][];
		for (int w = 0; w < joined.length; w++) {
			joined[w] = new float[a[w].length + b[w].length];
			System.arraycopy(a[w], 0, joined[w], 0, a[w].length);
			System.arraycopy(b[w], 0, joined[w], a[w].length, b[w].length);
			this.firstDimensions = a[w].length;
		}
		return joined;
	}

	/**
	 * Normalises each embedder's part on its own, then weights both parts by 1/sqrt(2).
	 */
	@Override
	public float[][] normalise(float[][] raw) {
		if (raw.length == 0) {
			return raw;
		}
		int split = this.firstDimensions;
		float[][] a = new float[raw.length][];
		float[][] b = new float[raw.length][];
		for (int w = 0; w < raw.length; w++) {
			a[w] = java.util.Arrays.copyOfRange(raw[w], 0, split);
			b[w] = java.util.Arrays.copyOfRange(raw[w], split, raw[w].length);
		}
		a = this.first.normalise(a);
		b = this.second.normalise(b);
		float[][] fused = new float[raw.length][];
		float weight = (float) Math.sqrt(0.5);
		for (int w = 0; w < fused.length; w++) {
			fused[w] = new float[a[w].length + b[w].length];
			for (int d = 0; d < a[w].length; d++) {
				fused[w][d] = a[w][d] * weight;
			}
			for (int d = 0; d < b[w].length; d++) {
				fused[w][a[w].length + d] = b[w][d] * weight;
			}
		}
		return fused;
	}

}
