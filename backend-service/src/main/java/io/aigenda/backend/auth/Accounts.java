package io.aigenda.backend.auth;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.aigenda.backend.problem.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations, users, memberships and API tokens. */
@Service
class Accounts implements UserDetailsService {

	private final OrganisationRepository organisations;

	private final UserAccountRepository users;

	private final MembershipRepository memberships;

	private final ApiTokenRepository tokens;

	private final PasswordEncoder passwordEncoder;

	Accounts(OrganisationRepository organisations, UserAccountRepository users, MembershipRepository memberships,
			ApiTokenRepository tokens, PasswordEncoder passwordEncoder) {
		this.organisations = organisations;
		this.users = users;
		this.memberships = memberships;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		UserAccount user = this.users.findByEmail(normalise(email))
			.orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
		Membership membership = this.memberships.findByUserIdOrderByCreatedAt(user.getId())
			.stream()
			.findFirst()
			.orElseThrow(() -> new UsernameNotFoundException("User has no organisation"));
		return account(user, membership);
	}

	/** The account behind an API token, if the token is known. */
	@Transactional
	public Optional<Account> authenticate(String token) {
		if (!token.startsWith(Tokens.PREFIX)) {
			return Optional.empty();
		}
		return this.tokens.findByTokenSha256(Tokens.sha256(token)).flatMap(apiToken -> {
			apiToken.used(Instant.now());
			return this.users.findById(apiToken.getUserId())
				.flatMap(user -> this.memberships
					.findByUserIdAndOrganisationId(user.getId(), apiToken.getOrganisationId())
					.map(membership -> account(user, membership)));
		});
	}

	@Transactional
	public Organisation createOrganisation(String name) {
		if (this.organisations.findByName(name).isPresent()) {
			throw ApiException.conflict("organisation-exists", "An organisation with this name already exists");
		}
		return this.organisations.save(new Organisation(name));
	}

	@Transactional
	public UserAccount createUser(UUID organisationId, String email, String password, Role role,
			boolean platformAdmin) {
		this.organisations.findById(organisationId).orElseThrow(() -> ApiException.notFound("Organisation"));
		String normalised = normalise(email);
		if (this.users.findByEmail(normalised).isPresent()) {
			throw ApiException.conflict("user-exists", "A user with this e-mail already exists");
		}
		UserAccount user = this.users
			.save(new UserAccount(normalised, this.passwordEncoder.encode(password), platformAdmin));
		this.memberships.save(new Membership(user.getId(), organisationId, role));
		return user;
	}

	/** Issues a new token and returns it; this is the only time it exists in clear. */
	@Transactional
	public IssuedToken issueToken(UUID userId, UUID organisationId, String name) {
		String token = Tokens.generate();
		ApiToken saved = this.tokens
			.save(new ApiToken(userId, organisationId, name, Tokens.sha256(token), Tokens.displayPrefix(token)));
		return new IssuedToken(saved.getId(), saved.getName(), token, saved.getCreatedAt());
	}

	@Transactional(readOnly = true)
	public List<TokenView> tokens(Account account) {
		return this.tokens.findByUserIdAndOrganisationIdOrderByCreatedAt(account.userId(), account.organisationId())
			.stream()
			.map(t -> new TokenView(t.getId(), t.getName(), t.getPrefix(), t.getCreatedAt(), t.getLastUsedAt()))
			.toList();
	}

	@Transactional
	public void revoke(Account account, UUID tokenId) {
		ApiToken token = this.tokens
			.findByIdAndUserIdAndOrganisationId(tokenId, account.userId(), account.organisationId())
			.orElseThrow(() -> ApiException.notFound("Token"));
		this.tokens.delete(token);
	}

	/**
	 * Makes sure the configured organisation, administrator and token exist; running it
	 * again changes nothing.
	 */
	@Transactional
	public void ensureBootstrap(String organisationName, String email, String password, String apiToken) {
		Organisation organisation = this.organisations.findByName(organisationName)
			.orElseGet(() -> this.organisations.save(new Organisation(organisationName)));
		String normalised = normalise(email);
		UserAccount user = this.users.findByEmail(normalised)
			.orElseGet(() -> this.users.save(new UserAccount(normalised, this.passwordEncoder.encode(password), true)));
		if (this.memberships.findByUserIdAndOrganisationId(user.getId(), organisation.getId()).isEmpty()) {
			this.memberships.save(new Membership(user.getId(), organisation.getId(), Role.ADMIN));
		}
		if (apiToken != null && !apiToken.isBlank()) {
			if (!apiToken.startsWith(Tokens.PREFIX)) {
				throw new IllegalStateException("aigenda.backend.bootstrap.api-token must start with " + Tokens.PREFIX);
			}
			String hash = Tokens.sha256(apiToken);
			if (this.tokens.findByTokenSha256(hash).isEmpty()) {
				this.tokens.save(new ApiToken(user.getId(), organisation.getId(), "bootstrap", hash,
						Tokens.displayPrefix(apiToken)));
			}
		}
	}

	/**
	 * The user as a member of another of their organisations, for the web app's switcher.
	 */
	@Transactional(readOnly = true)
	public Optional<Account> inOrganisation(UUID userId, UUID organisationId) {
		return this.users.findById(userId)
			.flatMap(user -> this.memberships.findByUserIdAndOrganisationId(userId, organisationId)
				.map(membership -> account(user, membership)));
	}

	/** Every organisation the user belongs to, oldest membership first. */
	@Transactional(readOnly = true)
	public List<OrganisationChoice> organisationsOf(UUID userId) {
		return this.memberships.findByUserIdOrderByCreatedAt(userId)
			.stream()
			.flatMap(m -> this.organisations.findById(m.getOrganisationId())
				.map(o -> new OrganisationChoice(o.getId(), o.getName(), m.getRole()))
				.stream())
			.toList();
	}

	private static Account account(UserAccount user, Membership membership) {
		return new Account(user.getId(), user.getEmail(), membership.getOrganisationId(), membership.getRole(),
				user.isPlatformAdmin(), user.getPasswordHash());
	}

	private static String normalise(String email) {
		if (email == null || email.isBlank()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", "E-mail is required");
		}
		return email.trim().toLowerCase(Locale.ROOT);
	}

	/** A token as shown once, right after it was issued. */
	record IssuedToken(UUID id, String name, String token, Instant createdAt) {
	}

	/** An organisation the user may act in. */
	record OrganisationChoice(UUID id, String name, Role role) {
	}

	/** A token as listed: never the token itself. */
	record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
	}

}
