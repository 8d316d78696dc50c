package io.aigenda.backend.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code AiGenda-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}
 * over {@code "<t>.<raw body>"} with the endpoint's secret. The timestamp is part of what
 * is signed, so a receiver that rejects old timestamps cannot be fed a captured delivery
 * again.
 */
final class WebhookSignature {

	static final String HEADER = "AiGenda-Signature";

	private WebhookSignature() {
	}

	static String header(String secret, long unixSeconds, String body) {
		return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
	}

	static String hmac(String secret, String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
