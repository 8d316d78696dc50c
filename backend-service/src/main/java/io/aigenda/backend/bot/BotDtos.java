package io.aigenda.backend.bot;

import java.time.Instant;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Request bodies of the users' bot endpoints; the internal ones speak the records of
 * {@code io.aigenda.contracts.internal}.
 */
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

}
