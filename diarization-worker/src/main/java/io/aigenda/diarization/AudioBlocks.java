package io.aigenda.diarization;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioSource;

/**
 * How much of a recording the feature stages hold at once. A recording up to
 * {@value #SECONDS} s is processed whole; a longer one in stretches of that length with
 * {@value #MARGIN} s of audio either side, so memory stays the same for a 10 minute and a
 * 6 hour meeting while features keep their per-recording normalisation over minutes of
 * speech.
 */
final class AudioBlocks {

	static final double SECONDS = 300;

	static final double MARGIN = 1.0;

	private AudioBlocks() {
	}

	/** Whether the recording is short enough to be handled in one piece. */
	static boolean whole(AudioSource audio) {
		return audio.durationSeconds() <= SECONDS;
	}

	/** The recording in memory: itself when it already is, otherwise read whole. */
	static Audio all(AudioSource audio) {
		return audio instanceof Audio decoded ? decoded : audio.read(0, Math.toIntExact(audio.length()));
	}

	/** What is done with each stretch of a long recording. */
	interface Consumer {

		/**
		 * @param block audio of {@code offset..} including margins
		 * @param from start of the stretch this block stands for, in recording time
		 * @param to its end, in recording time
		 */
		void accept(Audio block, double offset, double from, double to);

	}

	/**
	 * Hands the recording over in consecutive stretches; a short one in a single piece.
	 */
	static void forEach(AudioSource audio, Consumer consumer) {
		double duration = audio.durationSeconds();
		if (whole(audio)) {
			consumer.accept(all(audio), 0, 0, duration);
			return;
		}
		for (double from = 0; from < duration; from += SECONDS) {
			double to = Math.min(duration, from + SECONDS);
			double offset = Math.max(0, from - MARGIN);
			consumer.accept(audio.read(offset, to + MARGIN), offset, from, to);
		}
	}

}
