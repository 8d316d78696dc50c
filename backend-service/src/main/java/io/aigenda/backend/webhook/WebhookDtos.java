package io.aigenda.backend.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;

/** Request and response bodies of the webhook endpoints. */
final class WebhookDtos {

	private WebhookDtos() {
	}

	record NewEndpoint(@NotBlank String url) {
	}

	/** The answer to creating an endpoint: the only time its secret is shown. */
	record CreatedEndpoint(UUID id, String url, String secret, Instant createdAt) {
	}

	/** An endpoint as listed, with its latest delivery, if any. */
	record EndpointView(UUID id, String url, Instant createdAt, Delivery lastDelivery) {
	}

	/**
	 * @param state {@code PENDING} (being tried), {@code DELIVERED} or {@code FAILED}
	 * (given up)
	 * @param lastError why the latest attempt failed, while the delivery is not delivered
	 */
	record Delivery(UUID id, String type, String state, int attempts, Integer lastStatus, String lastError,
			Instant nextAttemptAt, Instant updatedAt) {
	}

}
