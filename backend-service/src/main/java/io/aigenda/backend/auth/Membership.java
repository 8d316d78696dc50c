package io.aigenda.backend.auth;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "memberships")
class Membership {

	@Id
	private UUID id;

	private UUID userId;

	private UUID organisationId;

	@Enumerated(EnumType.STRING)
	private Role role;

	private Instant createdAt;

	protected Membership() {
	}

	Membership(UUID userId, UUID organisationId, Role role) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.organisationId = organisationId;
		this.role = role;
		this.createdAt = Instant.now();
	}

	UUID getUserId() {
		return this.userId;
	}

	UUID getOrganisationId() {
		return this.organisationId;
	}

	Role getRole() {
		return this.role;
	}

}
