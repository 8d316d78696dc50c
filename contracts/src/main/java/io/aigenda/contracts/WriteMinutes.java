package io.aigenda.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Command to the llm-worker. Reads the speaker-attributed {@link MeetingTranscript} from
 * {@code transcriptUrl}, writes {@link Minutes} JSON to {@code resultUploadUrl} and
 * answers {@link MinutesWritten}.
 */
public record WriteMinutes(UUID meetingId, UUID stepId, int attempt, Instant deadline, Language language,
		String transcriptUrl, String resultUploadUrl, String resultKey) implements StepCommand {

	/** A language left out (older senders) is {@link Language#AUTO}: not decided. */
	public WriteMinutes {
		language = Language.orAuto(language);
	}

	@Override
	public StepKind step() {
		return StepKind.WRITE_MINUTES;
	}

}
