package io.aigenda.contracts.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A bot as the backend knows it, for its peers: the answer of
 * {@link InternalPaths#BOT_STATE} (a repeated report of a finished bot answers the state
 * the backend kept), {@link InternalPaths#BOT} and {@link InternalPaths#RECORDER_BOT}.
 *
 * @param serverSeconds what the bot's recorder cost so far
 * @param chunks audio chunks the recorder has asked upload URLs for
 * @param finishedAt when the bot reached {@code DONE} or {@code FAILED}, else
 * {@code null}
 */
public record BotStatus(UUID id, UUID meetingId, String state, String detail, long serverSeconds, int chunks,
		Instant finishedAt) {
}
