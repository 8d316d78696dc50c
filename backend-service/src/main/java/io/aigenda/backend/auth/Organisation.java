package io.aigenda.backend.auth;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "organisations")
class Organisation {

	@Id
	private UUID id;

	private String name;

	private Instant createdAt;

	protected Organisation() {
	}

	Organisation(String name) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.createdAt = Instant.now();
	}

	UUID getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
