package io.aigenda.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups speech regions into chunks a recogniser can take at once, cutting only in
 * silences so no word is split. A single region longer than the limit is cut hard at the
 * limit.
 */
public final class SpeechChunker {

	private SpeechChunker() {
	}

	/**
	 * @param regions speech regions in time order
	 * @param maxChunkSeconds longest chunk
	 * @param totalSeconds length of the recording, to clamp chunk ends
	 */
	public static List<SpeechRegion> chunk(List<SpeechRegion> regions, double maxChunkSeconds, double totalSeconds) {
		if (maxChunkSeconds <= 0) {
			throw new IllegalArgumentException("maxChunkSeconds must be positive");
		}
		List<SpeechRegion> chunks = new ArrayList<>();
		double start = -1;
		double end = -1;
		for (SpeechRegion region : regions) {
			double from = Math.max(0, region.start());
			double to = Math.min(totalSeconds, region.end());
			if (to <= from) {
				continue;
			}
			if (start >= 0 && to - start <= maxChunkSeconds) {
				end = to;
				continue;
			}
			if (start >= 0) {
				chunks.add(new SpeechRegion(start, end));
			}
			// A region longer than the limit is cut into pieces of the limit.
			while (to - from > maxChunkSeconds) {
				chunks.add(new SpeechRegion(from, from + maxChunkSeconds));
				from += maxChunkSeconds;
			}
			start = from;
			end = to;
		}
		if (start >= 0) {
			chunks.add(new SpeechRegion(start, end));
		}
		return chunks;
	}

	/**
	 * Chunks that cover all the speech with room around it and are cut only in the middle
	 * of silences: each speech region is widened by {@code marginSeconds} on both sides
	 * (so what the detector missed at a region's edges, soft onsets and trailing
	 * consonants, still reaches the recogniser), overlapping ones merge, and only pauses
	 * longer than twice the margin are left out. A stretch longer than
	 * {@code maxChunkSeconds} is cut in the middle of its longest pause in the second
	 * half of the allowed length; only speech without any pause is cut hard.
	 * @param regions speech regions in time order
	 * @param maxChunkSeconds longest chunk
	 * @param marginSeconds audio kept on each side of speech
	 * @param totalSeconds length of the recording
	 */
	public static List<SpeechRegion> cover(List<SpeechRegion> regions, double maxChunkSeconds, double marginSeconds,
			double totalSeconds) {
		if (maxChunkSeconds <= 0) {
			throw new IllegalArgumentException("maxChunkSeconds must be positive");
		}
		List<SpeechRegion> speech = new ArrayList<>();
		for (SpeechRegion region : regions) {
			double from = Math.max(0, region.start());
			double to = Math.min(totalSeconds, region.end());
			if (to > from) {
				speech.add(new SpeechRegion(from, to));
			}
		}
		List<SpeechRegion> chunks = new ArrayList<>();
		int i = 0;
		while (i < speech.size()) {
			// one stretch: regions whose widened extents touch
			int j = i;
			while (j + 1 < speech.size() && speech.get(j + 1).start() - speech.get(j).end() <= 2 * marginSeconds) {
				j++;
			}
			double start = Math.max(0, speech.get(i).start() - marginSeconds);
			double end = Math.min(totalSeconds, speech.get(j).end() + marginSeconds);
			int k = i;
			while (end - start > maxChunkSeconds) {
				double limit = start + maxChunkSeconds;
				// the longest pause between regions k..j that ends a chunk in
				// (start+max/2,
				// start+max]
				double bestCut = -1;
				double bestPause = -1;
				int bestIndex = -1;
				for (int r = k; r < j; r++) {
					double pauseStart = speech.get(r).end();
					double pauseEnd = speech.get(r + 1).start();
					double cut = (pauseStart + pauseEnd) / 2;
					if (cut > limit) {
						break;
					}
					if (cut > start + maxChunkSeconds / 2 && pauseEnd - pauseStart > bestPause) {
						bestPause = pauseEnd - pauseStart;
						bestCut = cut;
						bestIndex = r;
					}
				}
				if (bestCut < 0) {
					// no pause in the allowed range: the earliest pause inside the limit,
					// else
					// a hard cut
					for (int r = k; r < j; r++) {
						double cut = (speech.get(r).end() + speech.get(r + 1).start()) / 2;
						if (cut > limit) {
							break;
						}
						if (cut > start) {
							bestCut = cut;
							bestIndex = r;
						}
					}
				}
				if (bestCut < 0) {
					bestCut = limit;
				}
				else {
					k = bestIndex + 1;
				}
				chunks.add(new SpeechRegion(start, bestCut));
				start = bestCut;
				while (k <= j && speech.get(k).end() <= start) {
					k++;
				}
			}
			if (end > start) {
				chunks.add(new SpeechRegion(start, end));
			}
			i = j + 1;
		}
		return chunks;
	}

}
