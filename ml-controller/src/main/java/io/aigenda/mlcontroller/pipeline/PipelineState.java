package io.aigenda.mlcontroller.pipeline;

/** Where a meeting's pipeline stands. */
enum PipelineState {

	/** Transcribe and diarize are dispatched (or waiting for a retry). */
	RUNNING,

	/**
	 * Both results are in; the joined transcript is (being) written and minutes are asked
	 * for.
	 */
	WRITING_MINUTES,

	DONE,

	FAILED,

	/**
	 * The backend deleted the meeting: nothing is dispatched or accepted any more, and
	 * the row stays as a tombstone so a late or redelivered ProcessMeeting cannot start
	 * it again.
	 */
	DELETED

}
