package io.aigenda.audio;

/** Picks the best decoder this machine offers. */
public final class AudioDecoders {

	/**
	 * Recordings longer than this are cut (six hours is longer than any meeting worth
	 * minutes).
	 */
	public static final double DEFAULT_MAX_SECONDS = 6 * 3600;

	private AudioDecoders() {
	}

	/**
	 * ffmpeg when it is on the PATH (any container), otherwise the pure-Java WAV decoder.
	 */
	public static AudioDecoder detect() {
		return detect(DEFAULT_MAX_SECONDS);
	}

	public static AudioDecoder detect(double maxSeconds) {
		return FfmpegAudioDecoder.isAvailable() ? new FfmpegAudioDecoder(maxSeconds) : new WavAudioDecoder(maxSeconds);
	}

}
