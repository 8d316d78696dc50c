package io.aigenda.backend.search;

import java.util.List;
import java.util.UUID;

import io.aigenda.backend.BackendProperties;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.contracts.internal.Answer;
import io.aigenda.contracts.internal.InternalApiClient;
import io.aigenda.contracts.internal.InternalApiException;
import io.aigenda.contracts.internal.Passage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The ml-controller's search endpoints, always called with the caller's organisation. Any
 * failure there is the user's 503 {@code search-unavailable}: what went wrong between the
 * services is logged, not shown.
 */
@Component
class MlControllerSearch {

	private static final Logger log = LoggerFactory.getLogger(MlControllerSearch.class);

	private final InternalApiClient mlController;

	MlControllerSearch(SearchProperties properties, BackendProperties backend) {
		this.mlController = new InternalApiClient(properties.mlControllerUrl(), backend.serviceToken(),
				properties.timeout(), properties.timeout());
	}

	List<Passage> search(UUID organisationId, String query, int limit) {
		try {
			return this.mlController.search(organisationId, query, limit);
		}
		catch (InternalApiException ex) {
			throw unavailable(ex);
		}
	}

	Answer ask(UUID organisationId, UUID meetingId, String question, int limit) {
		try {
			return this.mlController.ask(organisationId, meetingId, question, limit);
		}
		catch (InternalApiException ex) {
			throw unavailable(ex);
		}
	}

	private static ApiException unavailable(InternalApiException ex) {
		log.warn("Search is unavailable: {}", ex.getMessage());
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable",
				"Search is not available right now; try again in a minute");
	}

}
