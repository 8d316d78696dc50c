package io.aigenda.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Command to the diarization-worker: who spoke when. Writes a {@link DiarizationDocument}
 * to {@code resultUploadUrl} and answers {@link DiarizationReady}.
 */
public record Diarize(UUID meetingId, UUID stepId, int attempt, Instant deadline, String audioUrl, Integer minSpeakers,
		Integer maxSpeakers, String resultUploadUrl, String resultKey) implements StepCommand {

	@Override
	public StepKind step() {
		return StepKind.DIARIZE;
	}

}
