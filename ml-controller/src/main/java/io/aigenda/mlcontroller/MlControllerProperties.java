package io.aigenda.mlcontroller;

import java.net.URI;
import java.time.Duration;

import io.aigenda.contracts.StepKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ml-controller.
 *
 * @param backendUrl base URL of the backend, whose internal API hands out presigned URLs
 * @param serviceToken bearer token for the backend's internal API (shared with the
 * backend)
 * @param deadlines how long each step may take before it is dispatched again
 * @param maxAttempts attempts of one step (first dispatch included) before the meeting
 * fails
 * @param scanInterval how often overdue steps and due retries are looked for
 * @param retryBackoff wait before retrying a step a worker reported as failed but
 * retryable
 * @param urlMargin presigned URLs stay valid this long past the step's deadline, so a
 * worker finishing just in time can still upload
 * @param httpTimeout timeout of each call to the backend and of each document transfer
 */
@ConfigurationProperties("aigenda.ml-controller")
public record MlControllerProperties(@DefaultValue("http://127.0.0.1:8080") URI backendUrl,
		@DefaultValue("") String serviceToken, @DefaultValue Deadlines deadlines, @DefaultValue("3") int maxAttempts,
		@DefaultValue("5s") Duration scanInterval, @DefaultValue RetryBackoff retryBackoff,
		@DefaultValue("5m") Duration urlMargin, @DefaultValue("30s") Duration httpTimeout) {

	public Duration deadline(StepKind kind) {
		return switch (kind) {
			case TRANSCRIBE -> this.deadlines.transcribe();
			case DIARIZE -> this.deadlines.diarize();
			case WRITE_MINUTES -> this.deadlines.writeMinutes();
		};
	}

	/**
	 * Wait before attempt {@code failedAttempt + 1} of a step: the step's first delay,
	 * multiplied for each further attempt, capped at the maximum.
	 */
	public Duration backoff(StepKind kind, int failedAttempt) {
		Duration first = switch (kind) {
			case TRANSCRIBE -> this.retryBackoff.transcribe();
			case DIARIZE -> this.retryBackoff.diarize();
			case WRITE_MINUTES -> this.retryBackoff.writeMinutes();
		};
		double factor = Math.pow(this.retryBackoff.multiplier(), Math.max(0, failedAttempt - 1));
		double millis = Math.min(first.toMillis() * factor, this.retryBackoff.max().toMillis());
		return Duration.ofMillis((long) millis);
	}

	/** Step deadlines; a CPU transcribes an hour of audio in well under the default. */
	public record Deadlines(@DefaultValue("30m") Duration transcribe, @DefaultValue("30m") Duration diarize,
			@DefaultValue("10m") Duration writeMinutes) {
	}

	/**
	 * First retry delay per step, growing by {@code multiplier} per attempt up to
	 * {@code max}.
	 */
	public record RetryBackoff(@DefaultValue("10s") Duration transcribe, @DefaultValue("10s") Duration diarize,
			@DefaultValue("10s") Duration writeMinutes, @DefaultValue("2.0") double multiplier,
			@DefaultValue("5m") Duration max) {
	}

}
