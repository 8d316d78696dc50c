package io.aigenda.contracts;

import java.util.UUID;

/**
 * Event from a worker: a step could not be done. {@code retryable} tells the controller
 * whether another attempt can succeed (a network error) or not (audio that cannot be
 * decoded).
 */
public record StepFailed(UUID meetingId, UUID stepId, int attempt, StepKind step, String reason, boolean retryable) {
}
