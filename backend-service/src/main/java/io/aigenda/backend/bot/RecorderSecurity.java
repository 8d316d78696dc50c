package io.aigenda.backend.bot;

import java.io.IOException;
import java.util.List;

import io.aigenda.contracts.internal.InternalPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/v1/recorder/**} is a separate security chain: only a recorder token opens
 * it, and a recorder token opens nothing else (the main chain does not know such tokens).
 */
@Configuration(proxyBeanMethods = false)
class RecorderSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain recorderFilterChain(HttpSecurity http, RecorderTokens tokens) throws Exception {
		http.securityMatcher(InternalPaths.RECORDER + "/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new RecorderTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, ex) -> {
				response.setStatus(401);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.getWriter()
					.write("{\"type\":\"https://aigenda.io/problems/unauthorized\",\"title\":\"Unauthorized\","
							+ "\"status\":401,\"detail\":\"A valid recorder token is required\"}");
			}))
			.authorizeHttpRequests(auth -> auth.anyRequest().hasRole("RECORDER"));
		return http.build();
	}

	private static final class RecorderTokenFilter extends OncePerRequestFilter {

		private final RecorderTokens tokens;

		RecorderTokenFilter(RecorderTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				this.tokens.authenticate(header.substring(7).trim())
					.ifPresent(recorder -> SecurityContextHolder.getContext()
						.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(recorder, null,
								List.of(new SimpleGrantedAuthority("ROLE_RECORDER")))));
			}
			chain.doFilter(request, response);
		}

	}

}
