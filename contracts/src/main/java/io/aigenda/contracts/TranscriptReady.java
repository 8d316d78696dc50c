package io.aigenda.contracts;

import java.util.UUID;

/**
 * Event from the asr-worker: the transcript of a step is stored under {@code resultKey}.
 */
public record TranscriptReady(UUID meetingId, UUID stepId, int attempt, String resultKey, Language language,
		double audioSeconds, String engine, double processingSeconds, int wordCount) {

	/** A language left out (older senders) is {@link Language#AUTO}: not decided. */
	public TranscriptReady {
		language = Language.orAuto(language);
	}

}
