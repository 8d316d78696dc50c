package io.aigenda.backend.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.aigenda.backend.network.PublicAddresses;
import io.aigenda.backend.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's webhook endpoints: register (with a generated secret), list, delete.
 */
@Service
class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int MAX_ENDPOINTS = 20;

	private final JdbcClient jdbc;

	private final PublicAddresses addresses;

	Webhooks(JdbcClient jdbc, WebhookProperties properties) {
		this.jdbc = jdbc;
		this.addresses = new PublicAddresses(properties.allowedAddresses());
	}

	@Transactional
	WebhookDtos.CreatedEndpoint create(UUID organisationId, String url) {
		URI uri = validate(url);
		int existing = this.jdbc.sql("select count(*) from webhook_endpoints where organisation_id = ?")
			.param(organisationId)
			.query(Integer.class)
			.single();
		if (existing >= MAX_ENDPOINTS) {
			throw ApiException.conflict("too-many-webhooks",
					"An organisation may have at most " + MAX_ENDPOINTS + " webhook endpoints");
		}
		UUID id = UUID.randomUUID();
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = Instant.now();
		this.jdbc
			.sql("insert into webhook_endpoints (id, organisation_id, url, secret, created_at) values (?, ?, ?, ?, ?)")
			.params(id, organisationId, uri.toString(), secret, Timestamp.from(now))
			.update();
		log.info("Webhook endpoint {} registered for organisation {}", id, organisationId);
		return new WebhookDtos.CreatedEndpoint(id, uri.toString(), secret, now);
	}

	@Transactional(readOnly = true)
	List<WebhookDtos.EndpointView> list(UUID organisationId) {
		return this.jdbc.sql("""
				select e.id, e.url, e.created_at, d.id, d.event_type, d.state, d.attempts, d.last_status, d.last_error,
				    d.next_attempt_at, d.updated_at
				from webhook_endpoints e
				left join lateral (select * from webhook_deliveries where endpoint_id = e.id
				    order by created_at desc limit 1) d on true
				where e.organisation_id = ? order by e.created_at""").param(organisationId).query((rs, i) -> {
			UUID deliveryId = rs.getObject(4, UUID.class);
			WebhookDtos.Delivery delivery = deliveryId == null ? null
					: new WebhookDtos.Delivery(deliveryId, rs.getString(5), rs.getString(6), rs.getInt(7),
							rs.getObject(8, Integer.class), rs.getString(9), rs.getTimestamp(10).toInstant(),
							rs.getTimestamp(11).toInstant());
			return new WebhookDtos.EndpointView(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getTimestamp(3).toInstant(), delivery);
		}).list();
	}

	@Transactional
	void delete(UUID organisationId, UUID id) {
		if (this.jdbc.sql("delete from webhook_endpoints where id = ? and organisation_id = ?")
			.params(id, organisationId)
			.update() == 0) {
			throw ApiException.notFound("Webhook endpoint");
		}
	}

	/**
	 * An absolute https URL whose host resolves only to public addresses; plain http only
	 * for an explicitly allowed (test) address. The delivery checks the address again
	 * before each attempt, because a name can resolve elsewhere later.
	 */
	private URI validate(String url) {
		if (url == null || url.isBlank() || url.length() > 2048) {
			throw invalid("A webhook URL is required (at most 2048 characters)");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw invalid("The webhook URL is not a valid URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!"https".equals(scheme) && !"http".equals(scheme)) {
			throw invalid("The webhook URL must use https");
		}
		if (uri.getRawUserInfo() != null) {
			throw invalid("The webhook URL must not carry credentials");
		}
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			throw invalid("The webhook URL has no host");
		}
		String refusal = this.addresses.refusal(host);
		if (refusal != null) {
			throw invalid(refusal);
		}
		if ("http".equals(scheme) && !this.addresses.explicitlyAllowed(host)) {
			throw invalid("The webhook URL must use https");
		}
		return uri;
	}

	private static ApiException invalid(String message) {
		return ApiException.badRequest("invalid-webhook-url", message);
	}

}
