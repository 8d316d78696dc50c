package io.aigenda.backend.auth;

import java.util.List;
import java.util.UUID;

import io.aigenda.backend.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web app's sign-in: e-mail and password for a session cookie (HttpOnly,
 * SameSite=Lax), next to the API tokens programs use. Every unsafe call with the cookie
 * needs the CSRF token, which the app reads from the {@code XSRF-TOKEN} cookie and sends
 * back as {@code X-XSRF-TOKEN}.
 */
@RestController
class SessionController {

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	/** Compared against when the e-mail is unknown, so both failures take as long. */
	private final String dummyHash;

	private final SignInThrottle throttle;

	SessionController(Accounts accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.passwordEncoder = passwordEncoder;
		this.dummyHash = passwordEncoder.encode("not-a-password");
	}

	/**
	 * Who is signed in, if anyone; also hands out the CSRF cookie the sign-in form needs.
	 */
	@GetMapping("/api/v1/session")
	SessionView session(Authentication authentication, CsrfToken csrf) {
		csrf.getToken(); // the token is deferred: reading it writes the cookie
		if (authentication != null && authentication.getPrincipal() instanceof Account account) {
			return view(account);
		}
		return new SessionView(false, null, List.of());
	}

	@PostMapping("/api/v1/session")
	SessionView signIn(@Valid @RequestBody SignIn body, HttpServletRequest request, HttpServletResponse response) {
		String address = request.getRemoteAddr();
		try {
			this.throttle.check(body.email(), address);
		}
		catch (SignInThrottle.TooManySignInsException ex) {
			response.setHeader("Retry-After", String.valueOf(ex.retryAfterSeconds()));
			throw ex;
		}
		Account account;
		try {
			account = (Account) this.accounts.loadUserByUsername(body.email());
		}
		catch (UsernameNotFoundException | ApiException ex) {
			this.passwordEncoder.matches(body.password(), this.dummyHash);
			this.throttle.failed(body.email(), address);
			throw wrongCredentials();
		}
		if (!this.passwordEncoder.matches(body.password(), account.passwordHash())) {
			this.throttle.failed(body.email(), address);
			throw wrongCredentials();
		}
		this.throttle.succeeded(body.email(), address);
		establish(account, request, response);
		return view(account);
	}

	/** Switches the session to another organisation the user belongs to. */
	@PutMapping("/api/v1/session/organisation")
	SessionView switchOrganisation(Authentication authentication, @Valid @RequestBody OrganisationSwitch body,
			HttpServletRequest request, HttpServletResponse response) {
		if (authentication == null || !(authentication.getPrincipal() instanceof Account current)) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first");
		}
		Account switched = this.accounts.inOrganisation(current.userId(), body.organisationId())
			.orElseThrow(() -> ApiException.notFound("Organisation"));
		establish(switched, request, response);
		return view(switched);
	}

	@DeleteMapping("/api/v1/session")
	ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		WebSessions.CONTEXTS.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
		return ResponseEntity.noContent().build();
	}

	private static void establish(Account account, HttpServletRequest request, HttpServletResponse response) {
		// a fresh session id at sign-in, so an id planted before it is worth nothing
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		else {
			request.getSession(true);
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		SecurityContextHolder.setContext(context);
		WebSessions.CONTEXTS.saveContext(context, request, response);
	}

	private SessionView view(Account account) {
		return new SessionView(true, new AccountController.Me(account.userId(), account.email(),
				account.organisationId(), account.role(), account.platformAdmin()),
				this.accounts.organisationsOf(account.userId()));
	}

	private static ApiException wrongCredentials() {
		return new ApiException(HttpStatus.UNAUTHORIZED, "bad-credentials", "Wrong e-mail or password");
	}

	record SignIn(@NotBlank String email, @NotBlank String password) {
	}

	record OrganisationSwitch(@NotNull UUID organisationId) {
	}

	record SessionView(boolean authenticated, AccountController.Me user,
			List<Accounts.OrganisationChoice> organisations) {
	}

}
