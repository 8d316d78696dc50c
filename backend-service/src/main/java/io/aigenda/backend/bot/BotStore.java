package io.aigenda.backend.bot;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of bots ({@code meeting_bots}) and of the chunks their recorders uploaded
 * ({@code meeting_bot_chunks}). State names travel as parameters, from {@link BotState},
 * never as literals in SQL.
 */
@Component
class BotStore {

	private final JdbcClient jdbc;

	BotStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID botId, UUID meetingId, UUID organisationId, String url, String platform, Instant joinAt,
			long maxDurationSeconds, Instant now) {
		this.jdbc.sql("""
				insert into meeting_bots (id, meeting_id, organisation_id, url, platform, state, join_at,
				    max_duration_seconds, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(botId, meetingId, organisationId, url, platform, BotState.SCHEDULED.name(), ts(joinAt),
					maxDurationSeconds, ts(now), ts(now))
			.update();
	}

	/** The meeting's latest bot. */
	Optional<UUID> latestOf(UUID meetingId) {
		return this.jdbc.sql("select id from meeting_bots where meeting_id = ? order by created_at desc limit 1")
			.param(meetingId)
			.query(UUID.class)
			.optional();
	}

	void stopRequested(UUID botId, Instant now) {
		this.jdbc.sql("update meeting_bots set detail = 'stop requested', updated_at = ? where id = ?")
			.params(ts(now), botId)
			.update();
	}

	/** The bot's row, locked until the transaction ends. */
	Optional<Row> lock(UUID botId) {
		return this.jdbc.sql("""
				select id, meeting_id, organisation_id, state, join_at, max_duration_seconds, server_seconds
				from meeting_bots where id = ? for update""")
			.param(botId)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), BotState.valueOf(rs.getString(4)), instant(rs.getTimestamp(5)),
					rs.getLong(6), rs.getLong(7)))
			.optional();
	}

	/**
	 * A new state; a finished bot ({@link BotState#terminal()}) gets its finish time and
	 * loses its recorder token.
	 */
	void state(UUID botId, BotState state, String detail, long serverSeconds, Instant now) {
		this.jdbc.sql("""
				update meeting_bots set state = ?, detail = ?, server_seconds = ?, updated_at = ?,
				    finished_at = ?, recorder_token_sha256 = case when ? then null else recorder_token_sha256 end
				where id = ?""")
			.params(state.name(), detail, serverSeconds, ts(now), state.terminal() ? ts(now) : null, state.terminal(),
					botId)
			.update();
	}

	void recorderToken(UUID botId, String tokenSha256, Instant expiresAt) {
		this.jdbc.sql("update meeting_bots set recorder_token_sha256 = ?, recorder_token_expires_at = ? where id = ?")
			.params(tokenSha256, ts(expiresAt), botId)
			.update();
	}

	/** The unfinished bot whose unexpired recorder token has this hash. */
	Optional<RecorderPrincipal> holderOf(String tokenSha256, Instant now) {
		return this.jdbc.sql("""
				select id, meeting_id, organisation_id from meeting_bots
				where recorder_token_sha256 = ? and recorder_token_expires_at > ? and state not in (?, ?)""")
			.params(tokenSha256, ts(now), BotState.DONE.name(), BotState.FAILED.name())
			.query((rs, n) -> new RecorderPrincipal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class)))
			.optional();
	}

	/**
	 * Remembers that chunk {@code sequence} goes to {@code key}; a second time is a
	 * no-op.
	 */
	void chunk(UUID botId, int sequence, String key, Instant now) {
		this.jdbc.sql("""
				insert into meeting_bot_chunks (bot_id, sequence, object_key, created_at) values (?, ?, ?, ?)
				on conflict do nothing""").params(botId, sequence, key, ts(now)).update();
		this.jdbc.sql("""
				update meeting_bots set chunk_count = (select count(*) from meeting_bot_chunks where bot_id = ?)
				where id = ?""").params(botId, botId).update();
	}

	/** Keys of the bot's chunks, in order. */
	List<String> chunkKeys(UUID botId) {
		return this.jdbc.sql("select object_key from meeting_bot_chunks where bot_id = ? order by sequence")
			.param(botId)
			.query(String.class)
			.list();
	}

	Optional<BotView> view(UUID botId) {
		return this.jdbc.sql("""
				select id, meeting_id, url, platform, state, detail, join_at, max_duration_seconds, server_seconds,
				       chunk_count, created_at, updated_at, finished_at
				from meeting_bots where id = ?""")
			.param(botId)
			.query((rs, n) -> new BotView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)), rs.getLong(8),
					rs.getLong(9), rs.getInt(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
					instant(rs.getTimestamp(13))))
			.optional();
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** What the bot's services need of its row. */
	record Row(UUID id, UUID meetingId, UUID organisationId, BotState state, Instant joinAt, long maxDurationSeconds,
			long serverSeconds) {
	}

}
