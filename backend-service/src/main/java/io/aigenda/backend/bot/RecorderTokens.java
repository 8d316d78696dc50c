package io.aigenda.backend.bot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.aigenda.backend.problem.ApiException;
import io.aigenda.contracts.internal.RecorderToken;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one token a bot's recorder holds: issued to the meeting-controller, which hands it
 * to the recorder, and checked on every recorder call. Only its SHA-256 is stored.
 */
@Service
class RecorderTokens {

	static final String PREFIX = "agr_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final BotStore bots;

	private final TransactionTemplate transactions;

	private final BotProperties properties;

	RecorderTokens(BotStore bots, TransactionTemplate transactions, BotProperties properties) {
		this.bots = bots;
		this.transactions = transactions;
		this.properties = properties;
	}

	/**
	 * A new token for the bot's recorder. It works for this bot only, until the bot ends
	 * or its maximum duration (plus a grace period) has passed; asking again replaces it.
	 */
	RecorderToken issue(UUID botId) {
		return this.transactions.execute(status -> {
			BotStore.Row row = this.bots.lock(botId).orElseThrow(() -> ApiException.notFound("Bot"));
			if (row.state().terminal()) {
				throw ApiException.conflict("bot-finished", "The bot has finished");
			}
			byte[] random = new byte[32];
			RANDOM.nextBytes(random);
			String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Instant start = row.joinAt().isAfter(Instant.now()) ? row.joinAt() : Instant.now();
			Instant expires = start.plusSeconds(row.maxDurationSeconds()).plus(this.properties.tokenGrace());
			this.bots.recorderToken(botId, sha256(token), expires);
			return new RecorderToken(botId, row.meetingId(), token, expires);
		});
	}

	/** The recorder holding this token, while its bot runs and the token is valid. */
	Optional<RecorderPrincipal> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return this.bots.holderOf(sha256(token), Instant.now());
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
