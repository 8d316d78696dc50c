package io.aigenda.backend.transcript;

import java.util.List;
import java.util.UUID;

import io.aigenda.backend.auth.Account;
import io.aigenda.backend.meeting.Meeting;
import io.aigenda.backend.meeting.Meetings;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.MinutesSchema;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/meetings/{meetingId}")
class TranscriptController {

	private final Meetings meetings;

	private final TranscriptStore store;

	TranscriptController(Meetings meetings, TranscriptStore store) {
		this.meetings = meetings;
		this.store = store;
	}

	@GetMapping("/transcript")
	TranscriptView transcript(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId) {
		Meeting meeting = processed(this.meetings, account.organisationId(), meetingId);
		MeetingTranscript transcript = this.store.load(meetingId, meeting.getTranscriptLanguage(),
				meeting.getDurationSeconds() != null ? meeting.getDurationSeconds() : 0);
		return TranscriptView.of(transcript, this.store.speakerNames(meetingId));
	}

	@GetMapping(path = "/minutes", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> minutes(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId) {
		processed(this.meetings, account.organisationId(), meetingId);
		String json = this.store.minutesJson(meetingId).orElseThrow(() -> ApiException.notFound("Minutes"));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
	}

	/**
	 * Stores minutes a person corrected in the web app (summary, decisions, action items
	 * with owner, due date and done). The document must still match the minutes schema.
	 */
	@PutMapping(path = "/minutes", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> editMinutes(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@RequestBody String json) {
		processed(this.meetings, account.organisationId(), meetingId);
		List<String> errors = MinutesSchema.validate(json);
		if (!errors.isEmpty()) {
			throw ApiException.badRequest("invalid-minutes", "The minutes do not match the schema: "
					+ String.join("; ", errors.subList(0, Math.min(errors.size(), 5))));
		}
		String flagged = FoundFlags.of(json);
		if (!this.store.replaceMinutes(meetingId, flagged)) {
			throw ApiException.notFound("Minutes");
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(flagged);
	}

	private static Meeting processed(Meetings meetings, UUID organisationId, UUID meetingId) {
		return meetings.processed(organisationId, meetingId);
	}

}
