package io.aigenda.backend.share;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.aigenda.backend.meeting.Meetings;
import io.aigenda.backend.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only share links: each opens one processed meeting until it expires or is revoked.
 * The token (256 random bits) is shown once; only its SHA-256 is stored, and a lookup
 * goes by that hash.
 */
@Service
class ShareLinks {

	private static final Logger log = LoggerFactory.getLogger(ShareLinks.class);

	static final int MAX_DAYS = 365;

	static final String TOKEN_PREFIX = "shr_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Meetings meetings;

	ShareLinks(JdbcClient jdbc, Meetings meetings) {
		this.jdbc = jdbc;
		this.meetings = meetings;
	}

	@Transactional
	Created create(UUID organisationId, UUID userId, UUID meetingId, int days) {
		if (days < 1 || days > MAX_DAYS) {
			throw ApiException.badRequest("invalid-parameter", "days must be between 1 and " + MAX_DAYS);
		}
		this.meetings.processed(organisationId, meetingId);
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		Instant expires = now.plus(Duration.ofDays(days));
		this.jdbc
			.sql("insert into share_links (id, meeting_id, organisation_id, token_sha256, created_by, created_at, "
					+ "expires_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(id, meetingId, organisationId, hash(token), userId, Timestamp.from(now), Timestamp.from(expires))
			.update();
		log.info("Share link {} for meeting {} until {}", id, meetingId, expires);
		return new Created(new ShareLink(id, now, expires, null, true), token);
	}

	@Transactional(readOnly = true)
	List<ShareLink> list(UUID organisationId, UUID meetingId) {
		this.meetings.get(organisationId, meetingId);
		Instant now = Instant.now();
		return this.jdbc
			.sql("select id, created_at, expires_at, revoked_at from share_links where meeting_id = ? "
					+ "and organisation_id = ? order by created_at desc")
			.params(meetingId, organisationId)
			.query((rs, i) -> {
				Instant expires = rs.getTimestamp(3).toInstant();
				Timestamp revoked = rs.getTimestamp(4);
				return new ShareLink(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), expires,
						revoked == null ? null : revoked.toInstant(), revoked == null && expires.isAfter(now));
			})
			.list();
	}

	/** Revokes the link at once; revoking it again changes nothing. */
	@Transactional
	void revoke(UUID organisationId, UUID meetingId, UUID shareId) {
		this.meetings.get(organisationId, meetingId);
		int found = this.jdbc
			.sql("update share_links set revoked_at = coalesce(revoked_at, ?) where id = ? and meeting_id = ? "
					+ "and organisation_id = ?")
			.params(Timestamp.from(Instant.now()), shareId, meetingId, organisationId)
			.update();
		if (found == 0) {
			throw ApiException.notFound("Share link");
		}
		log.info("Share link {} of meeting {} revoked", shareId, meetingId);
	}

	/**
	 * The meeting a live token opens. An unknown, expired and revoked token read alike,
	 * so a token reveals nothing about links that existed.
	 */
	@Transactional(readOnly = true)
	Shared resolve(String token) {
		Optional<Shared> found = token == null || !token.startsWith(TOKEN_PREFIX) ? Optional.empty()
				: this.jdbc
					.sql("select meeting_id, organisation_id, expires_at from share_links where token_sha256 = ? "
							+ "and revoked_at is null and expires_at > ?")
					.params(hash(token), Timestamp.from(Instant.now()))
					.query((rs, i) -> new Shared(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
							rs.getTimestamp(3).toInstant()))
					.optional();
		return found.orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.NOT_FOUND,
				"share-not-found", "This share link does not exist, has expired or was revoked"));
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A link as its meeting's members see it; the token itself is never shown again. */
	record ShareLink(UUID id, Instant createdAt, Instant expiresAt, Instant revokedAt, boolean active) {
	}

	/** A new link with its token, shown this once. */
	record Created(ShareLink link, String token) {
	}

	record Shared(UUID meetingId, UUID organisationId, Instant expiresAt) {
	}

}
