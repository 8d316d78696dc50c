package io.aigenda.audio;

/**
 * Mono audio read a stretch at a time, so a long recording need not be held in memory:
 * decoded {@link Audio} is one, a {@link PcmFile} on disk another.
 */
public interface AudioSource {

	int sampleRate();

	/** Number of samples. */
	long length();

	/**
	 * The samples {@code from..from+count}, clamped to the recording (shorter at its
	 * end).
	 */
	Audio read(long from, int count);

	default double durationSeconds() {
		return (double) length() / sampleRate();
	}

	/** The audio between two times, clamped to the recording. */
	default Audio read(double fromSeconds, double toSeconds) {
		long from = Math.max(0, Math.min(length(), Math.round(fromSeconds * sampleRate())));
		long to = Math.max(from, Math.min(length(), Math.round(toSeconds * sampleRate())));
		return read(from, Math.toIntExact(to - from));
	}

}
