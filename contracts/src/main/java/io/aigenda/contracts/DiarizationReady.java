package io.aigenda.contracts;

import java.util.UUID;

/**
 * Event from the diarization-worker: speaker turns are stored under {@code resultKey}.
 */
public record DiarizationReady(UUID meetingId, UUID stepId, int attempt, String resultKey, int speakerCount,
		double audioSeconds, String engine, double processingSeconds) {
}
