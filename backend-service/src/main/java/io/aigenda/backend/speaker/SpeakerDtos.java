package io.aigenda.backend.speaker;

import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of the speaker and voiceprint endpoints. */
final class SpeakerDtos {

	private SpeakerDtos() {
	}

	/**
	 * A speaker of a meeting.
	 *
	 * @param name display name, null until named by a user or by a voiceprint match
	 * @param talkTimeSeconds total length of the speaker's turns
	 * @param voiceprint the voiceprint the name came from, null when none
	 * @param confidence calibrated probability (0..1) that the voiceprint that named the
	 * speaker is the same person; null when no voiceprint matched (also when a user named
	 * the speaker)
	 */
	record SpeakerView(String label, String name, int wordCount, double talkTimeSeconds, VoiceprintMatch voiceprint,
			Double confidence) {
	}

	/**
	 * @param confidence calibrated probability (0..1) that the speaker is the
	 * voiceprint's person; null when a user named the speaker (the voiceprint was made
	 * from this speaker)
	 */
	record VoiceprintMatch(UUID id, String name, Double confidence) {
	}

	record RenameSpeaker(String name) {
	}

	record MergeSpeakers(String from, String into) {
	}

	/**
	 * Moves the speech between {@code start} and {@code end} (seconds) to another
	 * speaker: words whose middle lies inside, and the overlapping parts of turns.
	 *
	 * @param from only speech of this speaker; null: of any speaker
	 * @param to an existing label, or null for a new speaker (a split)
	 */
	record ReassignSpeech(Double start, Double end, String from, String to) {
	}

	/**
	 * @param meetingId the meeting whose speaker was named, or null for a voiceprint
	 * enrolled from a clip
	 * @param state {@code pending} while an enrolled clip is being processed, then
	 * {@code ready} or {@code failed} (with {@code failureReason})
	 */
	record VoiceprintView(UUID id, String name, UUID meetingId, String speakerLabel, String state, String failureReason,
			Instant createdAt, Instant updatedAt) {
	}

}
