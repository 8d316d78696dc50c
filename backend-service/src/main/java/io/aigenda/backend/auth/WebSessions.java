package io.aigenda.backend.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** What the web app's cookie sign-in shares with the security configuration. */
final class WebSessions {

	/**
	 * Where the signed-in context lives: the HTTP session, and the request for this
	 * request.
	 */
	static final SecurityContextRepository CONTEXTS = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	/** Client-side routes of the web app; the backend answers them with index.html. */
	static final String[] APP_ROUTES = { "/sign-in", "/meetings", "/meetings/*", "/upload", "/record-call", "/tokens",
			"/webhooks", "/search", "/shared/*" };

	private WebSessions() {
	}

	/**
	 * Unsafe methods need a CSRF token unless the request authenticates itself with an
	 * {@code Authorization} header, which a browser never adds to a forged cross-site
	 * request.
	 */
	static boolean needsCsrfProtection(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
			default -> request.getHeader("Authorization") == null;
		};
	}

}
