package io.aigenda.meetingcontroller.bot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.aigenda.contracts.StartRecording;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bot rows. State changes are conditional on the state they leave
 * ({@code where state = ?}), so a heartbeat and the supervisor racing on one bot cannot
 * both move it.
 */
@Repository
class BotStore {

	private static final String COLUMNS = "id, meeting_id, organisation_id, url, platform, state, detail, join_at, "
			+ "max_duration_seconds, attempts, next_attempt_at, handle, provisioned_at, released_at, "
			+ "last_heartbeat_at, leave_requested_at, reported_state";

	private final JdbcClient jdbc;

	BotStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new bot; false when it is known already (a redelivered command). */
	boolean insert(StartRecording command, Instant now) {
		Instant joinAt = command.joinAt() != null ? command.joinAt() : now;
		return this.jdbc.sql("""
				insert into bots (id, meeting_id, organisation_id, url, platform, state, join_at, max_duration_seconds,
				    created_at, updated_at)
				select ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, ? where not exists (select 1 from bots where id = ?)""")
			.params(command.botId(), command.meetingId(), command.organisationId(), command.url(), command.platform(),
					ts(joinAt), command.maxDurationSeconds(), ts(now), ts(now), command.botId())
			.update() == 1;
	}

	Optional<Bot> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from bots where id = ?").param(id).query(BotStore::map).optional();
	}

	Optional<Bot> findByToken(String sha256) {
		return this.jdbc
			.sql("select " + COLUMNS + " from bots where token_sha256 = ? and state in "
					+ "('PROVISIONING', 'JOINING', 'RECORDING', 'LEAVING')")
			.param(sha256)
			.query(BotStore::map)
			.optional();
	}

	List<Bot> inStates(String... states) {
		return this.jdbc.sql("select " + COLUMNS + " from bots where state in (:states) order by join_at")
			.param("states", List.of(states))
			.query(BotStore::map)
			.list();
	}

	/**
	 * Finished bots whose recorder is not confirmed removed, and bots whose report is
	 * behind.
	 */
	List<Bot> needingAttention() {
		return this.jdbc
			.sql("select " + COLUMNS + " from bots where (state in ('DONE', 'FAILED') and handle is not null "
					+ "and released_at is null) or reported_state is null or reported_state <> state")
			.query(BotStore::map)
			.list();
	}

	int activeCount(UUID organisationId) {
		return this.jdbc
			.sql("select count(*) from bots where organisation_id = ? and state in "
					+ "('PROVISIONING', 'JOINING', 'RECORDING', 'LEAVING')")
			.param(organisationId)
			.query(Integer.class)
			.single();
	}

	/** Handles of recorders the controller still answers for. */
	List<String> trackedHandles() {
		return this.jdbc.sql("select handle from bots where handle is not null and released_at is null")
			.query(String.class)
			.list();
	}

	boolean move(UUID id, BotState from, BotState to, String detail, Instant now) {
		return this.jdbc
			.sql("update bots set state = ?, detail = coalesce(?, detail), updated_at = ? "
					+ "where id = ? and state = ?")
			.params(to.name(), detail, ts(now), id, from.name())
			.update() == 1;
	}

	void detail(UUID id, String detail, Instant now) {
		this.jdbc.sql("update bots set detail = ?, updated_at = ? where id = ?").params(detail, ts(now), id).update();
	}

	void provisioning(UUID id, String tokenSha256, Instant now) {
		this.jdbc
			.sql("update bots set token_sha256 = ?, attempts = attempts + 1, provisioned_at = null, "
					+ "updated_at = ? where id = ?")
			.params(tokenSha256, ts(now), id)
			.update();
	}

	/**
	 * The recorder runs; its heartbeats are expected from now on. A bot called back while
	 * it was being provisioned goes straight to LEAVING, so its recorder is told to leave
	 * at once.
	 */
	boolean started(UUID id, String handle, Instant provisionedAt, Instant now) {
		return this.jdbc.sql("""
				update bots set state = case when leave_requested_at is null then 'JOINING' else 'LEAVING' end,
				    handle = ?, provisioned_at = ?, last_heartbeat_at = ?, updated_at = ?,
				    detail = case when leave_requested_at is null then null else detail end
				where id = ? and state = 'PROVISIONING'""")
			.params(handle, ts(provisionedAt), ts(now), ts(now), id)
			.update() == 1;
	}

	/**
	 * Marks a bot that is being provisioned as called back; {@link #started} acts on it.
	 */
	void stopRequested(UUID id, String detail, Instant now) {
		this.jdbc
			.sql("update bots set leave_requested_at = ?, detail = ?, updated_at = ? "
					+ "where id = ? and state = 'PROVISIONING'")
			.params(ts(now), detail, ts(now), id)
			.update();
	}

	void retryLater(UUID id, String detail, Instant next, Instant now) {
		this.jdbc
			.sql("update bots set state = 'SCHEDULED', detail = ?, next_attempt_at = ?, updated_at = ? "
					+ "where id = ? and state = 'PROVISIONING'")
			.params(detail, ts(next), ts(now), id)
			.update();
	}

	void heartbeat(UUID id, Instant now) {
		this.jdbc.sql("update bots set last_heartbeat_at = ? where id = ?").params(ts(now), id).update();
	}

	boolean leave(UUID id, String detail, Instant now) {
		return this.jdbc
			.sql("update bots set state = 'LEAVING', detail = ?, leave_requested_at = ?, updated_at = ? "
					+ "where id = ? and state in ('JOINING', 'RECORDING')")
			.params(detail, ts(now), ts(now), id)
			.update() == 1;
	}

	/** Ends an active or scheduled bot; false when it had ended already. */
	boolean finish(UUID id, BotState to, String detail, Instant now) {
		return this.jdbc
			.sql("update bots set state = ?, detail = ?, updated_at = ? where id = ? and state not in "
					+ "('DONE', 'FAILED')")
			.params(to.name(), detail, ts(now), id)
			.update() == 1;
	}

	/** Marks the recorder removed; false when it was marked already. */
	boolean released(UUID id, Instant now) {
		return this.jdbc
			.sql("update bots set released_at = ?, token_sha256 = null where id = ? and released_at is null")
			.params(ts(now), id)
			.update() == 1;
	}

	/**
	 * Recorders that exist now: those being provisioned and every one started and not yet
	 * removed, finished bots included (a recorder that outlives its bot still costs
	 * money).
	 */
	Fleet fleet() {
		return this.jdbc
			.sql("select count(*) as recorders, min(provisioned_at) as oldest from bots "
					+ "where state = 'PROVISIONING' or (handle is not null and released_at is null)")
			.query((rs, row) -> new Fleet(rs.getLong("recorders"), instant(rs, "oldest")))
			.single();
	}

	/** How many recorders exist and when the oldest was provisioned (null: none runs). */
	record Fleet(long recorders, Instant oldestProvisionedAt) {

		static final Fleet NONE = new Fleet(0, null);

		java.time.Duration oldestAge(Instant now) {
			return (this.oldestProvisionedAt == null) ? java.time.Duration.ZERO
					: java.time.Duration.between(this.oldestProvisionedAt, now);
		}

	}

	void reported(UUID id, BotState state) {
		this.jdbc.sql("update bots set reported_state = ? where id = ?").params(state.name(), id).update();
	}

	/**
	 * After a restart, a provisioning that was cut off is tried again (reconcile removes
	 * its server).
	 */
	int resetInterruptedProvisioning(Instant now) {
		return this.jdbc
			.sql("update bots set state = 'SCHEDULED', detail = 'provisioning interrupted', "
					+ "next_attempt_at = ?, updated_at = ? where state = 'PROVISIONING'")
			.params(ts(now), ts(now))
			.update();
	}

	private static Bot map(ResultSet rs, int row) throws SQLException {
		return new Bot(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
				rs.getObject("organisation_id", UUID.class), rs.getString("url"), rs.getString("platform"),
				BotState.valueOf(rs.getString("state")), rs.getString("detail"), instant(rs, "join_at"),
				rs.getLong("max_duration_seconds"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				rs.getString("handle"), instant(rs, "provisioned_at"), instant(rs, "released_at"),
				instant(rs, "last_heartbeat_at"), instant(rs, "leave_requested_at"), rs.getString("reported_state"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
