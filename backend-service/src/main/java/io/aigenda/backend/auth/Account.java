package io.aigenda.backend.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Who is calling, and for which organisation. Every query scoped by tenant takes
 * {@link #organisationId()} from here, never from the request.
 */
public record Account(UUID userId, String email, UUID organisationId, Role role, boolean platformAdmin,
		String passwordHash) implements UserDetails {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
		authorities.add(new SimpleGrantedAuthority("ROLE_ORG_" + this.role.name()));
		if (this.platformAdmin) {
			authorities.add(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"));
		}
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public String toString() {
		return "Account[" + this.email + ", organisation " + this.organisationId + "]";
	}

}
