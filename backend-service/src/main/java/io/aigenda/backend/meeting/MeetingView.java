package io.aigenda.backend.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aigenda.contracts.Language;

/**
 * A meeting as the API shows it.
 *
 * @param retryable {@code null} unless the meeting failed; false when the failure is a
 * configuration error (no model for the language) that processing again as it is cannot
 * fix, true otherwise
 * @param noSpeech processed, but nobody was heard (the transcript has no words)
 */
record MeetingView(UUID id, String title, Language language, MeetingState state, String failureReason,
		Boolean retryable, Integer minSpeakers, Integer maxSpeakers, Recording recording, Double durationSeconds,
		Integer speakerCount, Language transcriptLanguage, List<Progress> progress, List<Speaker> speakers,
		Instant createdAt, Instant updatedAt, Instant processedAt, boolean noSpeech) {

	static MeetingView of(Meeting m, List<Progress> progress, List<Speaker> speakers, boolean noSpeech) {
		Recording recording = m.getRecordingKey() == null ? null : new Recording(m.getOriginalFilename(),
				m.getContentType(), m.getSizeBytes(), m.getSha256(), m.getUploadedAt());
		return new MeetingView(m.getId(), m.getTitle(), m.getLanguage(), m.getState(), m.getFailureReason(),
				m.isRetryable(), m.getMinSpeakers(), m.getMaxSpeakers(), recording, m.getDurationSeconds(),
				m.getSpeakerCount(), m.getTranscriptLanguage(), progress, speakers, m.getCreatedAt(), m.getUpdatedAt(),
				m.getProcessedAt(), noSpeech);
	}

	record Recording(String filename, String contentType, Long sizeBytes, String sha256, Instant uploadedAt) {
	}

	/**
	 * One step's progress.
	 *
	 * @param waiting the step waits in its worker's queue: no worker has taken it yet
	 * @param stalledMinutes whole minutes without any progress while the meeting is being
	 * processed, from 1; {@code null} while progress comes. Workers report at least every
	 * 20 seconds while they work, so a minute of silence means no worker is at the step.
	 * @param stalled the same in words, for people: "waiting for the diarization worker:
	 * no progress for 2 min"; {@code null} unless stalled
	 */
	record Progress(String step, double fraction, String message, Instant updatedAt, boolean waiting,
			Integer stalledMinutes, String stalled) {

		/** A minute without progress from a running step makes it stalled. */
		static final long STALLED_AFTER_SECONDS = 60;

		static Progress of(String step, double fraction, String message, boolean waiting, Instant updatedAt,
				boolean running, Instant now) {
			long idle = Duration.between(updatedAt, now).toSeconds();
			if (!running || fraction >= 1 || idle < STALLED_AFTER_SECONDS) {
				return new Progress(step, fraction, message, updatedAt, waiting, null, null);
			}
			int minutes = (int) (idle / 60);
			String what = waiting ? "waiting for the " + worker(step) + " worker" : stepName(step);
			String stalled = what + ": no progress for " + minutes + " min"
					+ ((waiting || message == null) ? "" : " (last: " + message + ")");
			return new Progress(step, fraction, message, updatedAt, waiting, minutes, stalled);
		}

		private static String worker(String step) {
			return switch (step) {
				case "TRANSCRIBE" -> "transcription";
				case "DIARIZE" -> "diarization";
				case "WRITE_MINUTES" -> "minutes";
				default -> stepName(step);
			};
		}

		private static String stepName(String step) {
			return step.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		}

	}

	record Speaker(String label, String name) {
	}

}
