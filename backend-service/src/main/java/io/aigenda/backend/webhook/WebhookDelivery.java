package io.aigenda.backend.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aigenda.backend.network.PublicAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries: POSTs the stored body with a fresh signature, marks it
 * delivered on a 2xx answer, else records the attempt and its error and tries again after
 * a doubling back-off until the attempts run out. Rows are locked with
 * {@code SKIP LOCKED}, so several backend instances deliver side by side without sending
 * a row twice at once.
 */
@Component
class WebhookDelivery {

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	private static final int MAX_ERROR = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final WebhookProperties properties;

	private final PublicAddresses addresses;

	// redirects are not followed: a public endpoint could otherwise bounce the request
	// inside
	private final HttpClient http;

	WebhookDelivery(JdbcClient jdbc, TransactionTemplate transactions, WebhookProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.addresses = new PublicAddresses(properties.allowedAddresses());
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Scheduled(fixedDelayString = "${aigenda.backend.webhooks.interval:2s}")
	void deliverDue() {
		try {
			Integer sent;
			do {
				sent = this.transactions.execute(status -> deliverBatch());
			}
			while (sent != null && sent == this.properties.batchSize());
		}
		catch (RuntimeException ex) {
			log.warn("Webhook delivery failed, will retry: {}", ex.getMessage());
		}
	}

	int deliverBatch() {
		List<Due> due = this.jdbc.sql("""
				select d.id, d.event_type, d.body, d.attempts, e.url, e.secret from webhook_deliveries d
				join webhook_endpoints e on e.id = d.endpoint_id
				where d.state = 'PENDING' and d.next_attempt_at <= ?
				order by d.next_attempt_at limit ? for update of d skip locked""")
			.params(Timestamp.from(Instant.now()), this.properties.batchSize())
			.query((rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5), rs.getString(6)))
			.list();
		for (Due delivery : due) {
			Outcome outcome = attempt(delivery);
			record(delivery, outcome);
		}
		return due.size();
	}

	private Outcome attempt(Due delivery) {
		URI uri = URI.create(delivery.url());
		String refusal = this.addresses.refusal(uri.getHost());
		if (refusal != null) {
			return new Outcome(null, refusal);
		}
		long now = Instant.now().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "AiGenda-Webhooks/1")
			.header("AiGenda-Event", delivery.type())
			.header("AiGenda-Delivery", delivery.id().toString())
			.header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), now, delivery.body()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
			.build();
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			return new Outcome(status, status / 100 == 2 ? null : "HTTP " + status);
		}
		catch (IOException ex) {
			return new Outcome(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(null, "interrupted");
		}
	}

	private void record(Due delivery, Outcome outcome) {
		int attempts = delivery.attempts() + 1;
		Instant now = Instant.now();
		if (outcome.error() == null) {
			this.jdbc.sql("""
					update webhook_deliveries set state = 'DELIVERED', attempts = ?, last_status = ?, last_error = null,
					    updated_at = ? where id = ?""")
				.params(attempts, outcome.status(), Timestamp.from(now), delivery.id())
				.update();
			return;
		}
		boolean giveUp = attempts >= this.properties.maxAttempts();
		String error = outcome.error().length() > MAX_ERROR ? outcome.error().substring(0, MAX_ERROR) : outcome.error();
		log.warn("Webhook delivery {} ({}) attempt {} failed{}: {}", delivery.id(), delivery.type(), attempts,
				giveUp ? ", giving up" : "", error);
		this.jdbc.sql("""
				update webhook_deliveries set state = ?, attempts = ?, last_status = ?, last_error = ?,
				    next_attempt_at = ?, updated_at = ? where id = ?""")
			.params(giveUp ? "FAILED" : "PENDING", attempts, outcome.status(), error,
					Timestamp.from(giveUp ? now : now.plus(this.properties.backoff(attempts))), Timestamp.from(now),
					delivery.id())
			.update();
	}

	private record Due(UUID id, String type, String body, int attempts, String url, String secret) {
	}

	private record Outcome(Integer status, String error) {
	}

}
