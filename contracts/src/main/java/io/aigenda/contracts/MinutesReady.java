package io.aigenda.contracts;

import java.util.Map;
import java.util.UUID;

/**
 * Event from the ml-controller to the backend: the meeting is processed. The backend
 * loads the {@link MeetingTranscript} and {@link Minutes} from S3 and stores them.
 *
 * @param stepSeconds wall-clock seconds per step name, for real-time-factor reporting
 */
public record MinutesReady(UUID meetingId, UUID organisationId, String transcriptKey, String minutesKey,
		Language language, double audioSeconds, int speakerCount, Map<String, Double> stepSeconds) {

	/** A language left out (older senders) is {@link Language#AUTO}: not decided. */
	public MinutesReady {
		language = Language.orAuto(language);
	}

}
