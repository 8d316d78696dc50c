package io.aigenda.backend;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the backend itself.
 *
 * @param serviceToken bearer token of the ml-controller; grants only
 * {@code /api/v1/internal/**}
 * @param bootstrap the administrator ensured on start
 * @param upload upload limits
 * @param outbox outbox relay pacing
 * @param signIn how many wrong passwords are tolerated
 * @param deletion how long a deleted meeting's prefix is swept
 */
@ConfigurationProperties("aigenda.backend")
public record BackendProperties(String serviceToken, @DefaultValue Bootstrap bootstrap, @DefaultValue Upload upload,
		@DefaultValue Outbox outbox, @DefaultValue SignIn signIn, @DefaultValue Deletion deletion) {

	/**
	 * @param email administrator's e-mail (skipped when blank)
	 * @param password administrator's password
	 * @param organisation the organisation the administrator belongs to
	 * @param apiToken an API token to ensure for the administrator (optional; must start
	 * with {@code agk_})
	 */
	public record Bootstrap(String email, String password, @DefaultValue("AiGenda") String organisation,
			String apiToken) {
	}

	/**
	 * @param maxBytes largest recording accepted
	 * @param partSizeBytes part size of resumable uploads; AWS S3 needs at least 5 MiB
	 * for every part but the last
	 * @param urlTtl how long presigned upload URLs stay valid
	 * @param probe whether to check recordings with ffprobe/ffmpeg when they are on the
	 * PATH
	 * @param maxDuration longest recording accepted (checked by the probe); longer ones
	 * would hold the workers for hours
	 */
	public record Upload(@DefaultValue("4294967296") long maxBytes, @DefaultValue("16777216") long partSizeBytes,
			@DefaultValue("1h") Duration urlTtl, @DefaultValue("true") boolean probe,
			@DefaultValue("6h") Duration maxDuration) {
	}

	/**
	 * @param interval pause between relay runs
	 * @param batchSize rows taken per run
	 */
	public record Outbox(@DefaultValue("500ms") Duration interval, @DefaultValue("50") int batchSize) {
	}

	/**
	 * @param maxFailures wrong passwords for one account from one address before it is
	 * refused
	 * @param window how long a wrong password counts
	 */
	public record SignIn(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window) {
	}

	/**
	 * A worker given a presigned URL before a meeting was deleted may still write with
	 * it; the meeting's prefix is swept until every such URL has expired.
	 *
	 * @param sweepInterval pause between sweeps
	 * @param sweepFor how long after the delete the prefix is swept; longer than the
	 * longest presigned URL (1 h)
	 */
	public record Deletion(@DefaultValue("1m") Duration sweepInterval, @DefaultValue("75m") Duration sweepFor) {
	}

}
