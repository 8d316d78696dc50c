package io.aigenda.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Command to the asr-worker. The worker reads the audio from {@code audioUrl} (presigned
 * GET), writes a {@link TranscriptDocument} as JSON to {@code resultUploadUrl} (presigned
 * PUT) and answers {@link TranscriptReady} naming {@code resultKey}.
 */
public record Transcribe(UUID meetingId, UUID stepId, int attempt, Instant deadline, String audioUrl, Language language,
		String resultUploadUrl, String resultKey) implements StepCommand {

	/** A language left out (older senders) is {@link Language#AUTO}: not decided. */
	public Transcribe {
		language = Language.orAuto(language);
	}

	@Override
	public StepKind step() {
		return StepKind.TRANSCRIBE;
	}

}
