package io.aigenda.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Command to the llm-worker. Reads the speaker-attributed {@link MeetingTranscript} from
 * {@code transcriptUrl}, writes {@link Minutes} JSON to {@code resultUploadUrl} and
 * answers {@link MinutesWritten}.
 */
public record WriteMinutes(UUID meetingId, UUID stepId, int attempt, Instant deadline, String language,
		String transcriptUrl, String resultUploadUrl, String resultKey) implements StepCommand {

	@Override
	public StepKind step() {
		return StepKind.WRITE_MINUTES;
	}

}
