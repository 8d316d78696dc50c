package io.aigenda.backend.problem;

import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on. It becomes a problem detail whose {@code type} is
 * {@code https://aigenda.io/problems/<slug>}; the message is shown to the user, so it is
 * one clear line.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	public ApiException(HttpStatus status, String slug, String message) {
		super(message);
		this.status = status;
		this.slug = slug;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String slug() {
		return this.slug;
	}

	public static ApiException notFound(String what) {
		return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " was not found");
	}

	public static ApiException badRequest(String slug, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, slug, message);
	}

	public static ApiException conflict(String slug, String message) {
		return new ApiException(HttpStatus.CONFLICT, slug, message);
	}

}
