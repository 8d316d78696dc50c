package io.aigenda.diarization;

import java.util.List;

import io.aigenda.audio.Audio;

/** Cuts a recording into short windows, each assumed to hold one speaker. */
public interface SpeakerSegmenter {

	List<Window> segment(Audio audio);

	/**
	 * A stretch of speech to embed, inside the speech region {@code regionStart..regionEnd}.
	 */
	record Window(double start, double end, double regionStart, double regionEnd) {

		public double center() {
			return (this.start + this.end) / 2;
		}

	}

}
