package io.aigenda.backend.auth;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "users")
class UserAccount {

	@Id
	private UUID id;

	private String email;

	private String passwordHash;

	private boolean platformAdmin;

	private Instant createdAt;

	protected UserAccount() {
	}

	UserAccount(String email, String passwordHash, boolean platformAdmin) {
		this.id = UUID.randomUUID();
		this.email = email;
		this.passwordHash = passwordHash;
		this.platformAdmin = platformAdmin;
		this.createdAt = Instant.now();
	}

	UUID getId() {
		return this.id;
	}

	String getEmail() {
		return this.email;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	boolean isPlatformAdmin() {
		return this.platformAdmin;
	}

}
