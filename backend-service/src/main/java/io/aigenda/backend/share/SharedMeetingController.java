package io.aigenda.backend.share;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.aigenda.backend.meeting.Meeting;
import io.aigenda.backend.meeting.Meetings;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.transcript.TranscriptStore;
import io.aigenda.backend.transcript.TranscriptView;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a share link opens, without an account: the meeting's title, transcript, minutes
 * and recording, read-only. Nothing here lists, edits or reaches another meeting.
 */
@RestController
@RequestMapping("/api/v1/shared/{token}")
class SharedMeetingController {

	private static final Duration RECORDING_TTL = Duration.ofHours(1);

	private final ShareLinks links;

	private final Meetings meetings;

	private final TranscriptStore store;

	private final ObjectStore objects;

	private final JsonMapper json;

	SharedMeetingController(ShareLinks links, Meetings meetings, TranscriptStore store, ObjectStore objects,
			JsonMapper json) {
		this.links = links;
		this.meetings = meetings;
		this.store = store;
		this.objects = objects;
		this.json = json;
	}

	@GetMapping
	ResponseEntity<SharedMeeting> meeting(@PathVariable String token) {
		ShareLinks.Shared shared = this.links.resolve(token);
		Meeting meeting = this.meetings.processed(shared.organisationId(), shared.meetingId());
		MeetingTranscript transcript = this.store.load(meeting.getId(), meeting.getTranscriptLanguage(),
				meeting.getDurationSeconds() != null ? meeting.getDurationSeconds() : 0);
		JsonNode minutes = this.store.minutesJson(meeting.getId()).map(this.json::readTree).orElse(null);
		SharedMeeting body = new SharedMeeting(meeting.getTitle(), meeting.getTranscriptLanguage(),
				meeting.getDurationSeconds(), meeting.getCreatedAt(), shared.expiresAt(),
				TranscriptView.of(transcript, this.store.speakerNames(meeting.getId())), minutes);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer")
			.body(body);
	}

	@GetMapping("/recording")
	ResponseEntity<Void> recording(@PathVariable String token) {
		ShareLinks.Shared shared = this.links.resolve(token);
		Meeting meeting = this.meetings.processed(shared.organisationId(), shared.meetingId());
		if (meeting.getRecordingKey() == null) {
			throw ApiException.notFound("Recording");
		}
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(URI.create(this.objects.presignGet(meeting.getRecordingKey(), RECORDING_TTL)))
			.cacheControl(CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer")
			.build();
	}

	record SharedMeeting(String title, Language language, Double durationSeconds, Instant createdAt, Instant expiresAt,
			TranscriptView transcript, JsonNode minutes) {
	}

}
