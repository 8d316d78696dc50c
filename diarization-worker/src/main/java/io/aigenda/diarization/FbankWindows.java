package io.aigenda.diarization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aigenda.audio.Audio;
import io.aigenda.diarization.kaldi.KaldiFbank;

/**
 * The input of WeSpeaker-style embedding models: per window, 80-bin Kaldi fbank with the
 * window's mean removed; windows grouped by frame count so each group runs as one batch.
 */
final class FbankWindows {

	private final KaldiFbank fbank = KaldiFbank.wespeaker();

	/**
	 * Runs a model on one batch flattened as (batch, frames, 80); one output row per
	 * window.
	 */
	@FunctionalInterface
	interface Batch {

		float[][] run(float[] flat, int batch, int frames);

	}

	/**
	 * The model's output for each window, running windows of equal frame count as one
	 * batch.
	 */
	float[][] embed(Audio audio, List<SpeakerSegmenter.Window> windows, Batch model) {
		List<float[][]> features = features(audio, windows);
		float[][] embeddings = new float[windows.size()][];
		for (Map.Entry<Integer, List<Integer>> group : groups(features).entrySet()) {
			List<Integer> members = group.getValue();
			float[][] output = model.run(flatten(features, members), members.size(), group.getKey());
			for (int k = 0; k < members.size(); k++) {
				embeddings[members.get(k)] = output[k];
			}
		}
		return embeddings;
	}

	/** Frame count to indices of the windows with that many frames. */
	private static Map<Integer, List<Integer>> groups(List<float[][]> features) {
		Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
		for (int i = 0; i < features.size(); i++) {
			groups.computeIfAbsent(features.get(i).length, k -> new ArrayList<>()).add(i);
		}
		return groups;
	}

	private List<float[][]> features(Audio audio, List<SpeakerSegmenter.Window> windows) {
		List<float[][]> features = new ArrayList<>();
		float[] samples = audio.samples();
		for (SpeakerSegmenter.Window window : windows) {
			int from = Math.max(0, (int) Math.round(window.start() * audio.sampleRate()));
			int to = Math.min(samples.length, (int) Math.round(window.end() * audio.sampleRate()));
			// at least one 25 ms frame, so a very short window still gets an embedding
			to = Math.min(samples.length, Math.max(to, from + 400));
			from = Math.max(0, Math.min(from, to - 400));
			float[][] f = this.fbank.compute(samples, from, to);
			KaldiFbank.subtractMean(f);
			features.add(f);
		}
		return features;
	}

	/** One batch, flattened as (batch, frames, 80). */
	private static float[] flatten(List<float[][]> features, List<Integer> members) {
		int frames = features.get(members.get(0)).length;
		float[] flat = new float[members.size() * frames * 80];
		int offset = 0;
		for (int i : members) {
			for (float[] row : features.get(i)) {
				System.arraycopy(row, 0, flat, offset, 80);
				offset += 80;
			}
		}
		return flat;
	}

}
