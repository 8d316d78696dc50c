package io.aigenda.diarization;

import java.util.List;

import io.aigenda.audio.Audio;

/**
 * Two embedders' unit vectors side by side, each weighted by 1/sqrt(2), so the cosine of two
 * fused embeddings is the mean of the two cosines: the i-vector's learned speaker space and the
 * spectral statistics err on different windows, and their average errs less than either.
 */
final class FusedEmbedder implements SpeakerEmbedder {

	private final SpeakerEmbedder first;

	private final SpeakerEmbedder second;

	FusedEmbedder(SpeakerEmbedder first, SpeakerEmbedder second) {
		this.first = first;
		this.second = second;
	}

	@Override
	public float[][] embed(Audio audio, List<SpeakerSegmenter.Window> windows) {
		float[][] a = this.first.embed(audio, windows);
		float[][] b = this.second.embed(audio, windows);
		float[][] fused = new float[windows.size()][];
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
