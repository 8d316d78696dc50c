package io.aigenda.app;

import java.nio.file.Path;

/** Real recordings from the shared evaluation set. */
public final class PlatformFiles {

	public static final Path SHARED = Path.of(System.getProperty("aigenda.shared", "../shared"));

	public static final Path JFK = SHARED.resolve("eval-dev/asr/en/jfk.wav");

	public static final Path SAMPLE = SHARED.resolve("eval-dev/diarization/pyannote_sample/sample.wav");

	private PlatformFiles() {
	}

}
