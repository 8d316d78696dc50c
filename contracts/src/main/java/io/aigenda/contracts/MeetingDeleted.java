package io.aigenda.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Event from the backend: a meeting and everything it stored are gone. The ml-controller
 * forgets the meeting's text chunks and per-meeting speaker embeddings (never the
 * organisation's named voiceprints) and abandons its pipeline, so late worker results are
 * dropped. Handling it twice changes nothing.
 */
public record MeetingDeleted(UUID meetingId, UUID organisationId, Instant deletedAt) {
}
