package io.aigenda.backend.meeting;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.aigenda.backend.auth.Account;
import io.aigenda.backend.problem.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/meetings")
class MeetingController {

	private final Meetings meetings;

	MeetingController(Meetings meetings) {
		this.meetings = meetings;
	}

	@PostMapping
	ResponseEntity<MeetingView> create(@AuthenticationPrincipal Account account,
			@Valid @RequestBody NewMeeting request) {
		Meeting meeting = this.meetings.create(account.organisationId(), account.userId(), request);
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + meeting.getId()))
			.body(this.meetings.view(meeting));
	}

	/**
	 * The organisation's meetings, one page at a time: {@code q} in the title,
	 * {@code state} (a state, or {@code NO_SPEECH}), {@code speaker} (part of a speaker's
	 * name or label), {@code from}/{@code to} (creation dates, inclusive) and
	 * {@code sort} ({@code newest}, {@code oldest}, {@code title}, {@code longest}).
	 */
	@GetMapping
	MeetingPage list(@AuthenticationPrincipal Account account, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String q,
			@RequestParam(required = false) String state, @RequestParam(required = false) String speaker,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "newest") String sort) {
		if (page < 0 || size < 1 || size > 200) {
			throw ApiException.badRequest("invalid-parameter", "page must be >= 0 and size between 1 and 200");
		}
		MeetingFilter filter = MeetingFilter.of(q, state, speaker, from, to, sort);
		Page<Meeting> found = this.meetings.list(account.organisationId(), page, size, filter);
		return new MeetingPage(found.getContent().stream().map(this.meetings::view).toList(), found.getNumber(),
				found.getSize(), found.getTotalElements(), found.getTotalPages());
	}

	@GetMapping("/{id}")
	MeetingView get(@AuthenticationPrincipal Account account, @PathVariable UUID id) {
		return this.meetings.view(this.meetings.get(account.organisationId(), id));
	}

	/** Renames the meeting: {@code {"title": "..."}}. */
	@PatchMapping("/{id}")
	MeetingView rename(@AuthenticationPrincipal Account account, @PathVariable UUID id,
			@Valid @RequestBody MeetingChange change) {
		return this.meetings.view(this.meetings.rename(account.organisationId(), id, change.title()));
	}

	/**
	 * Processes a failed meeting again: 202 with the meeting queued, 409 when it has not
	 * failed.
	 */
	@PostMapping("/{id}/retry")
	ResponseEntity<MeetingView> retry(@AuthenticationPrincipal Account account, @PathVariable UUID id) {
		Meeting meeting = this.meetings.retry(account.organisationId(), id);
		return ResponseEntity.accepted().body(this.meetings.view(meeting));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Account account, @PathVariable UUID id) {
		this.meetings.delete(account.organisationId(), id);
		return ResponseEntity.noContent().build();
	}

	/** Body of {@code PATCH /api/v1/meetings/{id}}. */
	record MeetingChange(@NotBlank @Size(max = 300) String title) {
	}

	record MeetingPage(List<MeetingView> items, int page, int size, long totalItems, int totalPages) {
	}

}
