package io.aigenda.backend.auth;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own account and API tokens, and the platform administrator's tenant
 * management.
 */
@RestController
class AccountController {

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/me")
	Me me(@AuthenticationPrincipal Account account) {
		return new Me(account.userId(), account.email(), account.organisationId(), account.role(),
				account.platformAdmin());
	}

	@PostMapping("/api/v1/tokens")
	ResponseEntity<Accounts.IssuedToken> issue(@AuthenticationPrincipal Account account,
			@Valid @RequestBody NewToken request) {
		Accounts.IssuedToken token = this.accounts.issueToken(account.userId(), account.organisationId(),
				request.name());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id())).body(token);
	}

	@GetMapping("/api/v1/tokens")
	List<Accounts.TokenView> tokens(@AuthenticationPrincipal Account account) {
		return this.accounts.tokens(account);
	}

	@DeleteMapping("/api/v1/tokens/{id}")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal Account account, @PathVariable UUID id) {
		this.accounts.revoke(account, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/admin/organisations")
	ResponseEntity<OrganisationView> createOrganisation(@Valid @RequestBody NewOrganisation request) {
		Organisation organisation = this.accounts.createOrganisation(request.name().trim());
		return ResponseEntity.created(URI.create("/api/v1/admin/organisations/" + organisation.getId()))
			.body(new OrganisationView(organisation.getId(), organisation.getName()));
	}

	@PostMapping("/api/v1/admin/organisations/{id}/users")
	ResponseEntity<NewUserView> createUser(@PathVariable UUID id, @Valid @RequestBody NewUser request) {
		Role role = request.role() != null ? request.role() : Role.MEMBER;
		UserAccount user = this.accounts.createUser(id, request.email(), request.password(), role, false);
		Accounts.IssuedToken token = this.accounts.issueToken(user.getId(), id, "initial");
		return ResponseEntity.status(201).body(new NewUserView(user.getId(), user.getEmail(), id, role, token.token()));
	}

	record Me(UUID userId, String email, UUID organisationId, Role role, boolean platformAdmin) {
	}

	record NewToken(@NotBlank @Size(max = 100) String name) {
	}

	record NewOrganisation(@NotBlank @Size(max = 200) String name) {
	}

	record OrganisationView(UUID id, String name) {
	}

	record NewUser(@NotBlank @Email String email, @NotBlank @Size(min = 8, max = 200) String password, Role role) {
	}

	/** The API token appears here once and is never shown again. */
	record NewUserView(UUID userId, String email, UUID organisationId, Role role, String apiToken) {
	}

}
