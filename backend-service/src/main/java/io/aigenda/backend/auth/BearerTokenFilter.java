package io.aigenda.backend.auth;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer ...}: the service token (internal endpoints only) or a
 * user's API token. A bearer token that is unknown is rejected at once rather than passed
 * on anonymously.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	static final String SERVICE = "ROLE_SERVICE";

	private final Accounts accounts;

	private final String serviceToken;

	private final AuthenticationEntryPoint entryPoint;

	BearerTokenFilter(Accounts accounts, String serviceToken, AuthenticationEntryPoint entryPoint) {
		this.accounts = accounts;
		this.serviceToken = serviceToken;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String token = header.substring(7).trim();
		if (this.serviceToken != null && !this.serviceToken.isBlank()
				&& Tokens.constantTimeEquals(token, this.serviceToken)) {
			var service = UsernamePasswordAuthenticationToken.authenticated("ml-controller", null,
					List.of(new SimpleGrantedAuthority(SERVICE)));
			SecurityContextHolder.getContext().setAuthentication(service);
			chain.doFilter(request, response);
			return;
		}
		var account = this.accounts.authenticate(token);
		if (account.isEmpty()) {
			SecurityContextHolder.clearContext();
			this.entryPoint.commence(request, response, new BadCredentialsException("Unknown API token"));
			return;
		}
		var authentication = UsernamePasswordAuthenticationToken.authenticated(account.get(), null,
				account.get().getAuthorities());
		SecurityContextHolder.getContext().setAuthentication(authentication);
		chain.doFilter(request, response);
	}

}
