package io.aigenda.contracts;

import java.util.UUID;

/**
 * Event from a worker: a step could not be done. {@code retryable} tells the controller
 * whether another attempt can succeed (a network error) or not (audio that cannot be
 * decoded); {@code category} says what kind of failure it was, for metrics. An older
 * sender leaves the category out; it then reads as {@link FailureCategory#OTHER}.
 */
public record StepFailed(UUID meetingId, UUID stepId, int attempt, StepKind step, String reason, boolean retryable,
		FailureCategory category) {

	public StepFailed {
		category = (category != null) ? category : FailureCategory.OTHER;
	}

}
