package io.aigenda.backend.bot;

import java.util.UUID;

import io.aigenda.backend.auth.Account;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Inviting a recorder bot into a meeting's call, watching it, calling it back. */
@RestController
@RequestMapping("/api/v1/meetings/{meetingId}/bot")
class BotController {

	private final BotProvisioning bots;

	BotController(BotProvisioning bots) {
		this.bots = bots;
	}

	@PostMapping
	ResponseEntity<BotView> invite(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@Valid @RequestBody BotDtos.Invite invite) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(this.bots.invite(account.organisationId(), meetingId, invite));
	}

	@GetMapping
	BotView current(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId) {
		return this.bots.current(account.organisationId(), meetingId);
	}

	@DeleteMapping
	ResponseEntity<BotView> stop(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.bots.stop(account.organisationId(), meetingId));
	}

}
