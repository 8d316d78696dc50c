package io.aigenda.backend.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.aigenda.backend.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic answers to the same limit as the web app's sign-in form: once an account has
 * failed too often from an address, a Basic request for it from there gets 429 with
 * {@code Retry-After}, before the password is even looked at, so a correct guess is
 * refused too until the window passes. Basic's failures and successes are counted by
 * {@link BasicSignInOutcomes}.
 */
class BasicSignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	private final JsonMapper json;

	BasicSignInThrottleFilter(SignInThrottle throttle, JsonMapper json) {
		this.throttle = throttle;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = basicUser(request.getHeader("Authorization"));
		if (user != null) {
			try {
				this.throttle.check(user, request.getRemoteAddr());
			}
			catch (SignInThrottle.TooManySignInsException ex) {
				response.setHeader("Retry-After", String.valueOf(ex.retryAfterSeconds()));
				SecurityConfiguration.write(this.json, response,
						Problems.of(HttpStatus.TOO_MANY_REQUESTS, ex.slug(), ex.getMessage()));
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * The e-mail of a Basic header, or null when there is none or it is malformed (Basic
	 * refuses it).
	 */
	static String basicUser(String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
