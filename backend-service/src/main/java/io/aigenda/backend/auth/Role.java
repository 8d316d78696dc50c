package io.aigenda.backend.auth;

/** A user's role inside one organisation. */
public enum Role {

	ADMIN, MEMBER

}
