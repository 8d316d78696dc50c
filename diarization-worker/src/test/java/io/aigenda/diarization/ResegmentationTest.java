package io.aigenda.diarization;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Viterbi pass keeps a window that sounds a little like the other speaker with its
 * neighbours, lets clear evidence and pauses change the speaker, and does nothing at
 * penalty 0.
 */
class ResegmentationTest {

	/**
	 * Speaker A points one way, B another; window 3, in the middle of A, sounds more like
	 * B.
	 */
	private static final float[][] EMBEDDINGS = { { 1, 0 }, { 1, 0.1f }, { 1, 0 }, { 0.45f, 0.55f }, { 1, 0 }, { 0, 1 },
			{ 0.1f, 1 }, { 0, 1 } };

	@Test
	void aWindowLeaningToAnotherSpeakerStaysWithItsNeighbours() {
		// clustering gave window 3 to B
		int[] labels = { 0, 0, 0, 1, 0, 1, 1, 1 };
		List<SpeakerSegmenter.Window> windows = windows(0.75, -1);
		assertThat(Resegmentation.smooth(labels, EMBEDDINGS, windows, 0)).containsExactly(labels);
		assertThat(Resegmentation.smooth(labels, EMBEDDINGS, windows, 0.2)).containsExactly(0, 0, 0, 0, 0, 1, 1, 1);
	}

	@Test
	void aPauseLetsTheSpeakerChangeFreely() {
		int[] labels = { 0, 0, 0, 1, 0, 1, 1, 1 };
		// a 2 s pause on both sides of window 3: its own evidence decides
		List<SpeakerSegmenter.Window> windows = windows(0.75, 3);
		int[] smoothed = Resegmentation.smooth(labels, EMBEDDINGS, windows, 0.2);
		assertThat(smoothed[3]).isEqualTo(centroidNearest(3, labels));
	}

	/** Windows of 1.5 s every {@code hop} s, with 2 s pauses around {@code isolated}. */
	private static List<SpeakerSegmenter.Window> windows(double hop, int isolated) {
		List<SpeakerSegmenter.Window> windows = new ArrayList<>();
		double start = 0;
		for (int i = 0; i < EMBEDDINGS.length; i++) {
			if (i == isolated || i == isolated + 1) {
				start += 1.5 + 2;
			}
			windows.add(new SpeakerSegmenter.Window(start, start + 1.5, start, start + 1.5));
			start += hop;
		}
		return windows;
	}

	private static int centroidNearest(int window, int[] labels) {
		float[][] centroids = new float[2][2];
		for (int i = 0; i < labels.length; i++) {
			centroids[labels[i]][0] += EMBEDDINGS[i][0];
			centroids[labels[i]][1] += EMBEDDINGS[i][1];
		}
		return AgglomerativeClusterer.cosineDistance(EMBEDDINGS[window], centroids[0]) <= AgglomerativeClusterer
			.cosineDistance(EMBEDDINGS[window], centroids[1]) ? 0 : 1;
	}

}
