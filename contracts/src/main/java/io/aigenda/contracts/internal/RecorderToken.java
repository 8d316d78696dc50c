package io.aigenda.contracts.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * Answer of the backend's {@link InternalPaths#BOT_RECORDER_TOKEN}: the one token the
 * bot's recorder holds. The backend keeps only its hash; asking again replaces it.
 *
 * @param token {@code agr_...}, opening the recorder endpoints of this bot only
 * @param expiresAt when it stops working even if the bot has not ended
 */
public record RecorderToken(UUID botId, UUID meetingId, String token, Instant expiresAt) {
}
