package io.aigenda.backend.bot;

import java.time.Instant;
import java.util.UUID;

import io.aigenda.contracts.internal.BotStatus;

/**
 * A bot as the API shows it.
 *
 * @param serverSeconds what the bot's recorder cost so far: seconds its server (or
 * process) ran
 * @param chunks audio chunks received so far
 */
record BotView(UUID id, UUID meetingId, String url, String platform, String state, String detail, Instant joinAt,
		long maxDurationSeconds, long serverSeconds, int chunks, Instant createdAt, Instant updatedAt,
		Instant finishedAt) {

	/** What the bot's peers (the meeting-controller, its recorder) are told of it. */
	BotStatus status() {
		return new BotStatus(this.id, this.meetingId, this.state, this.detail, this.serverSeconds, this.chunks,
				this.finishedAt);
	}

}
