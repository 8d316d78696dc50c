package io.aigenda.backend.auth;

import io.aigenda.backend.BackendProperties;
import jakarta.servlet.DispatcherType;
import io.aigenda.backend.problem.Problems;
import io.aigenda.contracts.internal.InternalPaths;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * API security: API tokens or HTTP Basic for programs, a session cookie for the web app,
 * the service token for the ml-controller. Only the session cookie is sent by a browser
 * on its own, so CSRF protection applies to cookie-authenticated requests: a request that
 * carries its own {@code Authorization} header cannot be forged by another site and is
 * exempt.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, Accounts accounts, BackendProperties properties,
			JsonMapper jsonMapper, SignInThrottle signInThrottle) throws Exception {
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> {
			// the web app marks its calls so that a 401 never opens the browser's own
			// login prompt
			if (request.getHeader("X-Requested-With") == null) {
				response.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"aigenda\"");
			}
			write(jsonMapper, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
					"Authentication is required (API token or e-mail and password)"));
		};
		AccessDeniedHandler denied = (request, response, ex) -> write(jsonMapper, response,
				Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed"));
		http.csrf(csrf -> csrf.spa().requireCsrfProtectionMatcher(WebSessions::needsCsrfProtection))
			// sessions exist only once the web app signs in; API calls never create one
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.securityContext(context -> context.securityContextRepository(WebSessions.CONTEXTS))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.userDetailsService(accounts)
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
			.addFilterBefore(new BearerTokenFilter(accounts, properties.serviceToken(), entryPoint),
					BasicAuthenticationFilter.class)
			.addFilterBefore(new BasicSignInThrottleFilter(signInThrottle, jsonMapper), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth
				// server-sent events finish on an async dispatch of an already authorised
				// request
				.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/api/v1/session")
				.permitAll()
				// a share link is its own credential, checked by the share feature
				.requestMatchers(HttpMethod.GET, "/api/v1/shared/*", "/api/v1/shared/*/recording")
				.permitAll()
				.requestMatchers(HttpMethod.GET, WebSessions.APP_ROUTES)
				.permitAll()
				// Prometheus scrapes without credentials; keep /actuator/ off the public
				// proxy (deploy/README.md).
				.requestMatchers("/actuator/prometheus")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/swagger-ui.html", "/swagger-ui/**",
						"/v3/api-docs", "/v3/api-docs/**", "/error")
				.permitAll()
				// the web app's static files; it signs in against the API itself
				.requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico", "/favicon.svg")
				.permitAll()
				.requestMatchers(InternalPaths.BACKEND_INTERNAL + "/**")
				.hasRole("SERVICE")
				.requestMatchers("/api/v1/admin/**")
				.hasRole("PLATFORM_ADMIN")
				.anyRequest()
				.hasRole("USER"));
		return http.build();
	}

	static void write(JsonMapper jsonMapper, jakarta.servlet.http.HttpServletResponse response, ProblemDetail problem)
			throws java.io.IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		jsonMapper.writeValue(response.getOutputStream(), body);
	}

}
