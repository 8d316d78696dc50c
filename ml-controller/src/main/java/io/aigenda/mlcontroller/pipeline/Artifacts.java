package io.aigenda.mlcontroller.pipeline;

/**
 * Names of a meeting's objects, relative to the meeting, as the backend's internal API
 * takes them.
 */
final class Artifacts {

	static final String RECORDING = "recording";

	static final String ASR_TRANSCRIPT = "transcript.asr.json";

	static final String DIARIZATION = "diarization.json";

	static final String TRANSCRIPT = "transcript.json";

	static final String MINUTES = "minutes.json";

	private Artifacts() {
	}

}
