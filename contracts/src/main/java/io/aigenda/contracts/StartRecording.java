package io.aigenda.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Command from the backend to the meeting-controller: send a recorder bot into a call.
 * The URL has been validated by the backend (allowed platform host, no private address);
 * the controller trusts it no further than that and checks the platform again.
 *
 * @param botId the bot, as the backend knows it (one per invitation)
 * @param platform {@code jitsi}, {@code google-meet}, {@code zoom} or {@code test-page}
 * @param joinAt when to join; {@code null} or a past instant means now
 * @param maxDurationSeconds the bot leaves after this long in the call, whatever happens
 */
public record StartRecording(UUID botId, UUID meetingId, UUID organisationId, String url, String platform,
		Instant joinAt, long maxDurationSeconds, Instant requestedAt) {
}
