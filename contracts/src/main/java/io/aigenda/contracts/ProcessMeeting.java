package io.aigenda.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Command from the backend to the ml-controller: a meeting's recording is stored and its
 * pipeline should run. Carries ids and keys only; the controller asks the backend for
 * presigned URLs when it dispatches each step.
 *
 * @param language the language asked for; {@link Language#AUTO} lets speech recognition
 * decide
 * @param audioKey S3 key of the original recording, relative to nothing (full key)
 * @param minSpeakers lower bound on speakers, or {@code null}
 * @param maxSpeakers upper bound on speakers, or {@code null}
 * @param run which processing of the meeting this is: 1 for the first, one more for each
 * retry after a failure ({@code null} from older senders means 1). A repeated command of
 * a run the controller already saw changes nothing, so a redelivered retry never restarts
 * a pipeline twice.
 * @param durationSeconds the recording's length as the backend measured it, so each step
 * gets a deadline that fits it; {@code null} when not known (older senders)
 */
public record ProcessMeeting(UUID meetingId, UUID organisationId, Language language, String audioKey,
		String originalFilename, Integer minSpeakers, Integer maxSpeakers, Instant requestedAt, Integer run,
		Double durationSeconds) {

	/** A run of a meeting whose length is not known. */
	public ProcessMeeting(UUID meetingId, UUID organisationId, Language language, String audioKey,
			String originalFilename, Integer minSpeakers, Integer maxSpeakers, Instant requestedAt, Integer run) {
		this(meetingId, organisationId, language, audioKey, originalFilename, minSpeakers, maxSpeakers, requestedAt,
				run, null);
	}

	/** A language left out (older senders) is {@link Language#AUTO}: not decided. */
	public ProcessMeeting {
		language = Language.orAuto(language);
	}

	/** The first processing of a meeting. */
	public ProcessMeeting(UUID meetingId, UUID organisationId, Language language, String audioKey,
			String originalFilename, Integer minSpeakers, Integer maxSpeakers, Instant requestedAt) {
		this(meetingId, organisationId, language, audioKey, originalFilename, minSpeakers, maxSpeakers, requestedAt, 1);
	}

	/** The run number, 1 when the sender did not say. */
	public int runNumber() {
		return (this.run != null && this.run > 0) ? this.run : 1;
	}

}
