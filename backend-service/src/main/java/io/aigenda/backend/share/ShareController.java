package io.aigenda.backend.share;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.aigenda.backend.auth.Account;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A meeting's share links, for the members of its organisation. */
@RestController
@RequestMapping("/api/v1/meetings/{meetingId}/shares")
class ShareController {

	static final int DEFAULT_DAYS = 7;

	private final ShareLinks links;

	ShareController(ShareLinks links) {
		this.links = links;
	}

	/**
	 * A new link ({@code {"days": 7}}, 1 to 365, 7 when left out); the answer holds the
	 * token and the app's address for it, shown this once.
	 */
	@PostMapping
	ResponseEntity<NewShare> create(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@RequestBody(required = false) ShareRequest request) {
		int days = request != null && request.days() != null ? request.days() : DEFAULT_DAYS;
		ShareLinks.Created created = this.links.create(account.organisationId(), account.userId(), meetingId, days);
		NewShare body = new NewShare(created.link().id(), created.token(), "/shared/" + created.token(),
				created.link().createdAt(), created.link().expiresAt());
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + meetingId + "/shares/" + created.link().id()))
			.body(body);
	}

	@GetMapping
	List<ShareLinks.ShareLink> list(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId) {
		return this.links.list(account.organisationId(), meetingId);
	}

	@DeleteMapping("/{shareId}")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@PathVariable UUID shareId) {
		this.links.revoke(account.organisationId(), meetingId, shareId);
		return ResponseEntity.noContent().build();
	}

	record ShareRequest(Integer days) {
	}

	record NewShare(UUID id, String token, String path, java.time.Instant createdAt, java.time.Instant expiresAt) {
	}

}
