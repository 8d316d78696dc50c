package io.aigenda.asr;

/** Receives the progress of one transcription, from 0 to 1. */
@FunctionalInterface
public interface ProgressListener {

	void progress(double fraction, String message);

	static ProgressListener none() {
		return (fraction, message) -> {
		};
	}

}
