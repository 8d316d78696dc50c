package io.aigenda.backend.auth;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts HTTP Basic's wrong passwords in the sign-in throttle. Only Basic goes through
 * the authentication manager (API tokens and the sign-in form check credentials
 * themselves), and Basic's attempts carry the caller's address in their details.
 */
@Component
class BasicSignInOutcomes {

	private final SignInThrottle throttle;

	BasicSignInOutcomes(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	/**
	 * Only wrong credentials count (an unknown e-mail reads as one); a database outage
	 * does not.
	 */
	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String address = address(event.getAuthentication());
		if (address != null) {
			this.throttle.failed(event.getAuthentication().getName(), address);
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		String address = address(event.getAuthentication());
		if (address != null) {
			this.throttle.succeeded(event.getAuthentication().getName(), address);
		}
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

}
