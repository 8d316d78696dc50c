package io.aigenda.backend.speaker;

import java.util.List;
import java.util.UUID;

import io.aigenda.backend.auth.Account;
import io.aigenda.backend.speaker.SpeakerDtos.MergeSpeakers;
import io.aigenda.backend.speaker.SpeakerDtos.ReassignSpeech;
import io.aigenda.backend.speaker.SpeakerDtos.RenameSpeaker;
import io.aigenda.backend.speaker.SpeakerDtos.SpeakerView;
import io.aigenda.backend.speaker.SpeakerDtos.VoiceprintView;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Speakers of a meeting (name, merge, reassign speech) and the organisation's voiceprints
 * (enrol, list, forget).
 */
@RestController
class SpeakerController {

	private final Speakers speakers;

	private final Voiceprints voiceprints;

	private final VoiceprintEnrolments enrolments;

	SpeakerController(Speakers speakers, Voiceprints voiceprints, VoiceprintEnrolments enrolments) {
		this.speakers = speakers;
		this.voiceprints = voiceprints;
		this.enrolments = enrolments;
	}

	@GetMapping("/api/v1/meetings/{meetingId}/speakers")
	List<SpeakerView> list(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId) {
		return this.speakers.list(account.organisationId(), meetingId);
	}

	/**
	 * Names a speaker; the name goes into the transcript and exports, and becomes a
	 * voiceprint.
	 */
	@PutMapping("/api/v1/meetings/{meetingId}/speakers/{label}")
	SpeakerView rename(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@PathVariable String label, @RequestBody RenameSpeaker body) {
		return this.speakers.rename(account.organisationId(), meetingId, label, body.name());
	}

	@PostMapping("/api/v1/meetings/{meetingId}/speakers/merge")
	List<SpeakerView> merge(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@RequestBody MergeSpeakers body) {
		return this.speakers.merge(account.organisationId(), meetingId, body.from(), body.into());
	}

	@PostMapping("/api/v1/meetings/{meetingId}/speakers/reassign")
	List<SpeakerView> reassign(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@RequestBody ReassignSpeech body) {
		return this.speakers.reassign(account.organisationId(), meetingId, body);
	}

	@GetMapping("/api/v1/voiceprints")
	List<VoiceprintView> voiceprints(@AuthenticationPrincipal Account account) {
		return this.voiceprints.list(account.organisationId());
	}

	/**
	 * Enrols a known person from a short clip of their voice (multipart {@code name} and
	 * {@code file}); the voiceprint is pending until the clip is processed.
	 */
	@PostMapping(path = "/api/v1/voiceprints", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<VoiceprintView> enrol(@AuthenticationPrincipal Account account,
			@RequestParam(name = "name", required = false) String name,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		VoiceprintView view = this.enrolments.enrol(account.organisationId(), name, file);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(view);
	}

	@DeleteMapping("/api/v1/voiceprints/{voiceprintId}")
	ResponseEntity<Void> forget(@AuthenticationPrincipal Account account, @PathVariable UUID voiceprintId) {
		this.voiceprints.forget(account.organisationId(), voiceprintId);
		return ResponseEntity.noContent().build();
	}

}
