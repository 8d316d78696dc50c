package io.aigenda.backend.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery.
 *
 * @param maxAttempts attempts of one delivery before it is given up (the last error stays
 * visible)
 * @param initialBackoff wait after the first failed attempt; each further failure doubles
 * it
 * @param maxBackoff the longest wait between two attempts
 * @param timeout how long one attempt may take, connecting and answering together
 * @param batchSize deliveries sent per scan
 * @param allowedAddresses IP addresses an endpoint may resolve to although they are
 * private or local (plain http is then accepted too); empty in production, where it would
 * open the internal network to anyone who can register an endpoint (SSRF); tests list
 * 127.0.0.1
 */
@ConfigurationProperties("aigenda.backend.webhooks")
public record WebhookProperties(@DefaultValue("8") int maxAttempts, @DefaultValue("10s") Duration initialBackoff,
		@DefaultValue("1h") Duration maxBackoff, @DefaultValue("10s") Duration timeout,
		@DefaultValue("20") int batchSize, @DefaultValue List<String> allowedAddresses) {

	public WebhookProperties {
		allowedAddresses = allowedAddresses == null ? List.of() : List.copyOf(allowedAddresses);
	}

	/**
	 * The wait after {@code attempts} failed attempts: doubling from the initial
	 * back-off, capped.
	 */
	Duration backoff(int attempts) {
		Duration wait = this.initialBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
		return wait.compareTo(this.maxBackoff) > 0 || wait.isNegative() ? this.maxBackoff : wait;
	}

}
