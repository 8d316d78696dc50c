package io.aigenda.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Command to the asr-worker. The worker reads the audio from {@code audioUrl} (presigned
 * GET), writes a {@link TranscriptDocument} as JSON to {@code resultUploadUrl} (presigned
 * PUT) and answers {@link TranscriptReady} naming {@code resultKey}.
 */
public record Transcribe(UUID meetingId, UUID stepId, int attempt, Instant deadline, String audioUrl, String language,
		String resultUploadUrl, String resultKey) implements StepCommand {

	@Override
	public StepKind step() {
		return StepKind.TRANSCRIBE;
	}

}
