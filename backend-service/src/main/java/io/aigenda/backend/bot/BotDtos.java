package io.aigenda.backend.bot;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Request and response bodies of the bot endpoints. */
final class BotDtos {

	private BotDtos() {
	}

	/**
	 * @param joinAt when the bot should join; now when absent
	 * @param maxDurationMinutes the longest the bot stays; the configured default when
	 * absent
	 */
	record Invite(@NotBlank String url, Instant joinAt, @Min(1) Integer maxDurationMinutes) {
	}

	/** The controller's report of a state change. */
	record StateReport(@NotNull String state, String detail, @Min(0) Long serverSeconds) {
	}

	record RecorderToken(UUID botId, UUID meetingId, String token, Instant expiresAt) {
	}

	record ChunkUrl(int sequence, String url, Instant expiresAt) {
	}

}
