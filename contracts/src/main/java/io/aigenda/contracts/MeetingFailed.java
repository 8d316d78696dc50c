package io.aigenda.contracts;

import java.util.UUID;

/**
 * Event from the ml-controller to the backend: the pipeline gave up on a meeting.
 *
 * @param category what kind of failure the last step had, as its worker classified it
 * ({@link FailureCategory#LANGUAGE}: no installed model serves the language, a
 * configuration error that retrying as it is cannot fix); {@code null} from an older
 * sender or when the controller itself gave up (deadlines, dispatch)
 */
public record MeetingFailed(UUID meetingId, UUID organisationId, StepKind step, String reason,
		FailureCategory category) {

	public MeetingFailed(UUID meetingId, UUID organisationId, StepKind step, String reason) {
		this(meetingId, organisationId, step, reason, null);
	}

	/**
	 * Whether processing the meeting again as it is may succeed: false for configuration
	 * errors (a missing model for the language).
	 */
	public boolean retryable() {
		return this.category != FailureCategory.LANGUAGE;
	}

}
