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
 * @param deadlines how long each step may take before it is dispatched again: a base,
 * plus so much per second of the recording
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

	/**
	 * How long an attempt of a step may take on a recording of {@code audioSeconds}
	 * ({@code null}: not known, taken as {@code deadlines.assumed-audio}).
	 */
	public Duration deadline(StepKind kind, Double audioSeconds) {
		double seconds = (audioSeconds != null && audioSeconds > 0) ? audioSeconds
				: this.deadlines.assumedAudio().toMillis() / 1000.0;
		return switch (kind) {
			case TRANSCRIBE ->
				this.deadlines.transcribe().plus(perAudio(this.deadlines.perAudioSecond().transcribe(), seconds));
			case DIARIZE -> this.deadlines.diarize().plus(perAudio(this.deadlines.perAudioSecond().diarize(), seconds));
			case WRITE_MINUTES ->
				this.deadlines.writeMinutes().plus(perAudio(this.deadlines.perAudioSecond().writeMinutes(), seconds));
		};
	}

	private static Duration perAudio(double factor, double audioSeconds) {
		return Duration.ofMillis(Math.round(factor * audioSeconds * 1000));
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

	/**
	 * Step deadlines: a base per step (starting, transfers, a model to load) plus seconds
	 * per second of audio, so an hour-long meeting gets the time a short one would not
	 * need and a lost step of a short one is sent again soon. The defaults leave a CPU
	 * worker three times what it needs (the built-in speech model transcribes at about a
	 * third of real time, diarization at a fiftieth).
	 *
	 * @param assumedAudio the length taken for a recording whose length is not known
	 */
	public record Deadlines(@DefaultValue("10m") Duration transcribe, @DefaultValue("10m") Duration diarize,
			@DefaultValue("10m") Duration writeMinutes, @DefaultValue PerAudioSecond perAudioSecond,
			@DefaultValue("30m") Duration assumedAudio) {
	}

	/** Seconds of deadline per second of audio, per step. */
	public record PerAudioSecond(@DefaultValue("1.0") double transcribe, @DefaultValue("0.5") double diarize,
			@DefaultValue("0.25") double writeMinutes) {
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
