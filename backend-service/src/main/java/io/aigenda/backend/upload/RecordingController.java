package io.aigenda.backend.upload;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.aigenda.backend.auth.Account;
import io.aigenda.backend.meeting.Meeting;
import io.aigenda.backend.meeting.Meetings;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.storage.ObjectStore;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plays the recording: a redirect to a short-lived presigned URL, so the player streams
 * (with range requests) straight from the object store and the backend moves no audio
 * bytes.
 */
@RestController
class RecordingController {

	private static final Duration TTL = Duration.ofHours(2);

	private final Meetings meetings;

	private final ObjectStore store;

	RecordingController(Meetings meetings, ObjectStore store) {
		this.meetings = meetings;
		this.store = store;
	}

	@GetMapping("/api/v1/meetings/{meetingId}/recording")
	ResponseEntity<Void> recording(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId) {
		Meeting meeting = this.meetings.get(account.organisationId(), meetingId);
		if (meeting.getRecordingKey() == null) {
			throw ApiException.notFound("Recording");
		}
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(URI.create(this.store.presignGet(meeting.getRecordingKey(), TTL)))
			.header("Cache-Control", "private, no-store")
			.build();
	}

}
