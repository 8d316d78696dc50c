package io.aigenda.meetingcontroller.bot;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One row of the bot table. */
record Bot(UUID id, UUID meetingId, UUID organisationId, String url, String platform, BotState state, String detail,
		Instant joinAt, long maxDurationSeconds, int attempts, Instant nextAttemptAt, String handle,
		Instant provisionedAt, Instant releasedAt, Instant lastHeartbeatAt, Instant leaveRequestedAt,
		String reportedState) {

	/** What the recorder cost: seconds from provisioning to release (or now). */
	long serverSeconds(Instant now) {
		if (this.provisionedAt == null) {
			return 0;
		}
		Instant end = this.releasedAt != null ? this.releasedAt : now;
		return Math.max(0, Duration.between(this.provisionedAt, end).toSeconds());
	}

}
