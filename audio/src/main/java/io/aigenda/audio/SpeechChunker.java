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

}
