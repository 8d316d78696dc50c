package io.aigenda.app.client;

import java.util.List;
import java.util.UUID;

/**
 * What the CLI needs of {@code GET /api/v1/meetings/{id}}.
 *
 * @param state CREATED, UPLOADING, UPLOADED, PROCESSING, PROCESSED or FAILED
 * @param progress latest progress of each pipeline step
 */
public record MeetingStatus(UUID id, String state, String failureReason, Double durationSeconds, Integer speakerCount,
		List<StepProgress> progress) {

	/** Pipeline steps as the workers report them; minutes come last and are quick. */
	private static final List<String> STEPS = List.of("TRANSCRIBE", "DIARIZE", "WRITE_MINUTES");

	public boolean processed() {
		return "PROCESSED".equals(this.state);
	}

	public boolean failed() {
		return "FAILED".equals(this.state);
	}

	/**
	 * Why the meeting failed, in words: without the step code the server puts first for
	 * programs ({@code "TRANSCRIBE: Transcription failed: ..."}), since the reason names
	 * the step itself.
	 */
	public String failureReasonInWords() {
		return (this.failureReason != null) ? this.failureReason.replaceFirst("^[A-Z_]+: ", "") : null;
	}

	/** Mean progress over the three steps, 0..1; 1 once processed. */
	public double overallFraction() {
		if (processed()) {
			return 1;
		}
		double sum = 0;
		for (String step : STEPS) {
			sum += this.progress.stream()
				.filter(p -> step.equalsIgnoreCase(p.step()))
				.mapToDouble(StepProgress::fraction)
				.max()
				.orElse(0);
		}
		return Math.min(0.99, sum / STEPS.size());
	}

	/**
	 * The first stalled step's notice ("waiting for the diarization worker: no progress
	 * for 2 min").
	 */
	public java.util.Optional<String> stalled() {
		return this.progress.stream().map(StepProgress::stalled).filter(java.util.Objects::nonNull).findFirst();
	}

	/**
	 * @param stalled what the server says of a step without progress for a minute or
	 * more; {@code null} while it makes progress
	 */
	public record StepProgress(String step, double fraction, String message, String stalled) {

		public StepProgress(String step, double fraction, String message) {
			this(step, fraction, message, null);
		}

	}

}
