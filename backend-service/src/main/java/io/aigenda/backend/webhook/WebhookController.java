package io.aigenda.backend.webhook;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.aigenda.backend.auth.Account;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's webhook endpoints. */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping
	ResponseEntity<WebhookDtos.CreatedEndpoint> create(@AuthenticationPrincipal Account account,
			@Valid @RequestBody WebhookDtos.NewEndpoint request) {
		WebhookDtos.CreatedEndpoint created = this.webhooks.create(account.organisationId(), request.url());
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id())).body(created);
	}

	@GetMapping
	List<WebhookDtos.EndpointView> list(@AuthenticationPrincipal Account account) {
		return this.webhooks.list(account.organisationId());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Account account, @PathVariable UUID id) {
		this.webhooks.delete(account.organisationId(), id);
		return ResponseEntity.noContent().build();
	}

}
