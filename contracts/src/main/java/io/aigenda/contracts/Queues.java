package io.aigenda.contracts;

/**
 * Base names of the exchanges and queues. A deployment prefixes each with its namespace
 * ({@code aigenda.messaging.namespace}, default {@code aigenda}), so {@link #TRANSCRIBE}
 * becomes {@code aigenda.asr.transcribe}. The topology itself is declared in one place,
 * the {@code messaging} library.
 */
public final class Queues {

	/** Direct exchange for commands; a command's routing key is its queue's base name. */
	public static final String COMMANDS_EXCHANGE = "commands";

	/** Topic exchange for events; routing keys are the {@code EVENT_*} names below. */
	public static final String EVENTS_EXCHANGE = "events";

	/**
	 * Direct exchange for dead letters; a dead letter's routing key is the queue it
	 * failed in.
	 */
	public static final String DEAD_LETTER_EXCHANGE = "dlx";

	/** Suffix of each queue's dead-letter queue. */
	public static final String DEAD_LETTER_SUFFIX = ".dlq";

	public static final String PROCESS_MEETING = "ml.process-meeting";

	public static final String TRANSCRIBE = "asr.transcribe";

	public static final String DIARIZE = "diarization.diarize";

	public static final String WRITE_MINUTES = "llm.write-minutes";

	/**
	 * Voiceprint commands (store, forget, enrol) from the backend to the ml-controller.
	 */
	public static final String VOICEPRINTS = "ml.voiceprints";

	/**
	 * Recorder bots to send into calls ({@link StartRecording}); the meeting-controller
	 * consumes it.
	 */
	public static final String START_RECORDING = "bots.start-recording";

	/**
	 * Recorder bots to call back ({@link StopRecording}); the meeting-controller consumes
	 * it.
	 */
	public static final String STOP_RECORDING = "bots.stop-recording";

	/** Worker events the ml-controller consumes. */
	public static final String ML_EVENTS = "ml.events";

	/** Deleted meetings, for the ml-controller to forget ({@link MeetingDeleted}). */
	public static final String ML_DELETIONS = "ml.deletions";

	/** Pipeline events the backend consumes. */
	public static final String BACKEND_EVENTS = "backend.events";

	/** The queues a meeting passes through from upload to minutes, in that order. */
	public static final java.util.List<String> PIPELINE = java.util.List.of(PROCESS_MEETING, TRANSCRIBE, DIARIZE,
			WRITE_MINUTES, ML_EVENTS, BACKEND_EVENTS);

	public static final String EVENT_TRANSCRIPT_READY = "event.transcript-ready";

	public static final String EVENT_DIARIZATION_READY = "event.diarization-ready";

	public static final String EVENT_MINUTES_WRITTEN = "event.minutes-written";

	public static final String EVENT_STEP_FAILED = "event.step-failed";

	public static final String EVENT_STEP_PROGRESS = "event.step-progress";

	public static final String EVENT_MINUTES_READY = "event.minutes-ready";

	public static final String EVENT_MEETING_FAILED = "event.meeting-failed";

	public static final String EVENT_VOICEPRINT_ENROLLED = "event.voiceprint-enrolled";

	public static final String EVENT_VOICEPRINT_ENROLMENT_FAILED = "event.voiceprint-enrolment-failed";

	public static final String EVENT_MEETING_DELETED = "event.meeting-deleted";

	private Queues() {
	}

}
