package io.aigenda.contracts;

import java.util.UUID;

/**
 * Progress of a step, from 0 to 1, for the live status in the web app and the CLI.
 * Workers send it as they go and again every little while as a sign of life, so a step
 * whose progress stops for a minute is stalled, not merely slow.
 *
 * @param waiting the step waits in its worker's queue: the controller dispatched it and
 * no worker has taken it yet
 */
public record StepProgress(UUID meetingId, UUID stepId, StepKind step, double fraction, String message,
		boolean waiting) {

	/** Progress of a worker at work. */
	public StepProgress(UUID meetingId, UUID stepId, StepKind step, double fraction, String message) {
		this(meetingId, stepId, step, fraction, message, false);
	}

	/** A step just dispatched to the queue of its worker. */
	public static StepProgress dispatched(UUID meetingId, UUID stepId, StepKind step, int attempt) {
		String worker = switch (step) {
			case TRANSCRIBE -> "transcription";
			case DIARIZE -> "diarization";
			case WRITE_MINUTES -> "minutes";
		};
		return new StepProgress(meetingId, stepId, step, 0,
				"Waiting for the " + worker + " worker" + ((attempt > 1) ? " (attempt " + attempt + ")" : ""), true);
	}

}
