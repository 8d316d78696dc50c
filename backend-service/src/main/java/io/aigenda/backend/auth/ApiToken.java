package io.aigenda.backend.auth;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "api_tokens")
class ApiToken {

	@Id
	private UUID id;

	private UUID userId;

	private UUID organisationId;

	private String name;

	@Column(name = "token_sha256")
	private String tokenSha256;

	private String prefix;

	private Instant createdAt;

	private Instant lastUsedAt;

	protected ApiToken() {
	}

	ApiToken(UUID userId, UUID organisationId, String name, String tokenSha256, String prefix) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.organisationId = organisationId;
		this.name = name;
		this.tokenSha256 = tokenSha256;
		this.prefix = prefix;
		this.createdAt = Instant.now();
	}

	UUID getId() {
		return this.id;
	}

	UUID getUserId() {
		return this.userId;
	}

	UUID getOrganisationId() {
		return this.organisationId;
	}

	String getName() {
		return this.name;
	}

	String getPrefix() {
		return this.prefix;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	void used(Instant at) {
		this.lastUsedAt = at;
	}

}
