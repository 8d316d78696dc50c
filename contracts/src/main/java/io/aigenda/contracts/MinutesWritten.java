package io.aigenda.contracts;

import java.util.UUID;

/**
 * Event from the llm-worker to the ml-controller: minutes are stored under
 * {@code resultKey}.
 */
public record MinutesWritten(UUID meetingId, UUID stepId, int attempt, String resultKey, String engine,
		double processingSeconds) {
}
