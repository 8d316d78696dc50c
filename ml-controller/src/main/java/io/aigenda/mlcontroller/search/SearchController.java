package io.aigenda.mlcontroller.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;

import io.aigenda.contracts.internal.Answer;
import io.aigenda.contracts.internal.InternalPaths;
import io.aigenda.contracts.internal.Passage;
import io.aigenda.mlcontroller.MlControllerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Search for the backend, which alone faces users: it passes the caller's organisation,
 * and authenticates with the service token the two share.
 */
@RestController
@ConditionalOnProperty(prefix = "aigenda.search", name = "enabled", havingValue = "true", matchIfMissing = true)
class SearchController {

	private static final int MAX_LIMIT = 50;

	private final MeetingSearch search;

	private final MlControllerProperties properties;

	SearchController(MeetingSearch search, MlControllerProperties properties) {
		this.search = search;
		this.properties = properties;
	}

	@GetMapping(InternalPaths.SEARCH)
	List<Passage> search(@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestParam(InternalPaths.ORGANISATION_ID) UUID organisationId,
			@RequestParam(InternalPaths.QUERY) String q,
			@RequestParam(name = InternalPaths.LIMIT, defaultValue = "10") int limit) {
		authenticate(authorization);
		return this.search.search(organisationId, q, Math.clamp(limit, 1, MAX_LIMIT));
	}

	@GetMapping(InternalPaths.ASK)
	Answer ask(@RequestHeader(name = "Authorization", required = false) String authorization,
			@PathVariable UUID meetingId, @RequestParam(InternalPaths.ORGANISATION_ID) UUID organisationId,
			@RequestParam(InternalPaths.QUERY) String q,
			@RequestParam(name = InternalPaths.LIMIT, defaultValue = "3") int limit) {
		authenticate(authorization);
		return this.search.ask(organisationId, meetingId, q, Math.clamp(limit, 1, MAX_LIMIT));
	}

	void authenticate(String authorization) {
		String token = this.properties.serviceToken();
		String expected = "Bearer " + token;
		if (token.isBlank() || authorization == null || !MessageDigest
			.isEqual(expected.getBytes(StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8))) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "service token required");
		}
	}

}
