package io.aigenda.backend.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aigenda.contracts.Language;

/** A meeting as the API shows it. */
record MeetingView(UUID id, String title, Language language, MeetingState state, String failureReason,
		Integer minSpeakers, Integer maxSpeakers, Recording recording, Double durationSeconds, Integer speakerCount,
		Language transcriptLanguage, List<Progress> progress, List<Speaker> speakers, Instant createdAt,
		Instant updatedAt, Instant processedAt) {

	static MeetingView of(Meeting m, List<Progress> progress, List<Speaker> speakers) {
		Recording recording = m.getRecordingKey() == null ? null : new Recording(m.getOriginalFilename(),
				m.getContentType(), m.getSizeBytes(), m.getSha256(), m.getUploadedAt());
		return new MeetingView(m.getId(), m.getTitle(), m.getLanguage(), m.getState(), m.getFailureReason(),
				m.getMinSpeakers(), m.getMaxSpeakers(), recording, m.getDurationSeconds(), m.getSpeakerCount(),
				m.getTranscriptLanguage(), progress, speakers, m.getCreatedAt(), m.getUpdatedAt(), m.getProcessedAt());
	}

	record Recording(String filename, String contentType, Long sizeBytes, String sha256, Instant uploadedAt) {
	}

	record Progress(String step, double fraction, String message, Instant updatedAt) {
	}

	record Speaker(String label, String name) {
	}

}
