package io.aigenda.diarization;

import java.util.List;

import io.aigenda.audio.AudioSource;

/**
 * Finds the speech of a recording and cuts it into short windows, each assumed to hold
 * one speaker, and, where the segmenter can tell, the stretches where two people speak at
 * once.
 */
public interface SpeakerSegmenter {

	/** Reads the recording a stretch at a time; its windows and spans are small. */
	Segmentation segment(AudioSource audio);

	/**
	 * A stretch of speech to embed, inside the speech region
	 * {@code regionStart..regionEnd}.
	 */
	record Window(double start, double end, double regionStart, double regionEnd) {

		public double center() {
			return (this.start + this.end) / 2;
		}

	}

	/** A stretch of time, in seconds. */
	record Span(double start, double end) {
	}

	/**
	 * @param windows windows to embed and label, ordered by start
	 * @param overlaps stretches with two or more speakers; empty when the segmenter
	 * cannot tell
	 */
	record Segmentation(List<Window> windows, List<Span> overlaps) {

		static Segmentation withoutOverlap(List<Window> windows) {
			return new Segmentation(windows, List.of());
		}

	}

}
