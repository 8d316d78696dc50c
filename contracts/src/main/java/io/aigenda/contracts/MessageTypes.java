package io.aigenda.contracts;

import java.util.Map;
import java.util.Optional;

/**
 * Logical type ids carried in the {@link #HEADER} header of every message. Java class
 * names never travel on the wire, so a record can move packages without breaking
 * consumers, and a consumer refuses a type it does not know instead of instantiating it.
 */
public final class MessageTypes {

	public static final String HEADER = "aigenda-type";

	private static final Map<Class<?>, String> IDS = Map.ofEntries(Map.entry(ProcessMeeting.class, "ProcessMeeting.v1"),
			Map.entry(Transcribe.class, "Transcribe.v1"), Map.entry(TranscriptReady.class, "TranscriptReady.v1"),
			Map.entry(Diarize.class, "Diarize.v1"), Map.entry(DiarizationReady.class, "DiarizationReady.v1"),
			Map.entry(WriteMinutes.class, "WriteMinutes.v1"), Map.entry(MinutesWritten.class, "MinutesWritten.v1"),
			Map.entry(MinutesReady.class, "MinutesReady.v1"), Map.entry(StepFailed.class, "StepFailed.v1"),
			Map.entry(StepProgress.class, "StepProgress.v1"), Map.entry(MeetingFailed.class, "MeetingFailed.v1"),
			Map.entry(StoreVoiceprint.class, "StoreVoiceprint.v1"),
			Map.entry(ForgetVoiceprint.class, "ForgetVoiceprint.v1"),
			Map.entry(EnrolVoiceprint.class, "EnrolVoiceprint.v1"),
			Map.entry(VoiceprintEnrolled.class, "VoiceprintEnrolled.v1"),
			Map.entry(VoiceprintEnrolmentFailed.class, "VoiceprintEnrolmentFailed.v1"),
			Map.entry(StartRecording.class, "StartRecording.v1"), Map.entry(StopRecording.class, "StopRecording.v1"),
			Map.entry(MeetingDeleted.class, "MeetingDeleted.v1"));

	private static final Map<String, Class<?>> CLASSES = invert();

	private MessageTypes() {
	}

	public static String idOf(Class<?> type) {
		String id = IDS.get(type);
		if (id == null) {
			throw new IllegalArgumentException("Not a message contract: " + type.getName());
		}
		return id;
	}

	public static Optional<Class<?>> classOf(String id) {
		return Optional.ofNullable(CLASSES.get(id));
	}

	/**
	 * The event routing key for an event record, used when publishing to the events
	 * exchange.
	 */
	public static String eventRoutingKey(Class<?> type) {
		if (type == TranscriptReady.class) {
			return Queues.EVENT_TRANSCRIPT_READY;
		}
		if (type == DiarizationReady.class) {
			return Queues.EVENT_DIARIZATION_READY;
		}
		if (type == MinutesWritten.class) {
			return Queues.EVENT_MINUTES_WRITTEN;
		}
		if (type == StepFailed.class) {
			return Queues.EVENT_STEP_FAILED;
		}
		if (type == StepProgress.class) {
			return Queues.EVENT_STEP_PROGRESS;
		}
		if (type == MinutesReady.class) {
			return Queues.EVENT_MINUTES_READY;
		}
		if (type == MeetingFailed.class) {
			return Queues.EVENT_MEETING_FAILED;
		}
		if (type == VoiceprintEnrolled.class) {
			return Queues.EVENT_VOICEPRINT_ENROLLED;
		}
		if (type == VoiceprintEnrolmentFailed.class) {
			return Queues.EVENT_VOICEPRINT_ENROLMENT_FAILED;
		}
		if (type == MeetingDeleted.class) {
			return Queues.EVENT_MEETING_DELETED;
		}
		throw new IllegalArgumentException("Not an event: " + type.getName());
	}

	private static Map<String, Class<?>> invert() {
		java.util.HashMap<String, Class<?>> map = new java.util.HashMap<>();
		IDS.forEach((type, id) -> map.put(id, type));
		return Map.copyOf(map);
	}

}
