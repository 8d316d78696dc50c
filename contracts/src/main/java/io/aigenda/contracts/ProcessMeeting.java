package io.aigenda.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Command from the backend to the ml-controller: a meeting's recording is stored and its
 * pipeline should run. Carries ids and keys only; the controller asks the backend for
 * presigned URLs when it dispatches each step.
 *
 * @param language {@code en}, {@code ru} or {@code auto}
 * @param audioKey S3 key of the original recording, relative to nothing (full key)
 * @param minSpeakers lower bound on speakers, or {@code null}
 * @param maxSpeakers upper bound on speakers, or {@code null}
 */
public record ProcessMeeting(UUID meetingId, UUID organisationId, String language, String audioKey,
		String originalFilename, Integer minSpeakers, Integer maxSpeakers, Instant requestedAt) {
}
