package io.aigenda.backend.meeting;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aigenda.backend.BackendProperties;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.storage.StorageKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a deleted meeting's prefix empty. Deleting removes every object there, but a
 * worker that got a presigned PUT URL before the delete can still write with it until the
 * URL expires; so the prefix is swept on a schedule until then, and at once when a late
 * result is reported for the meeting.
 */
@Component
public class DeletedMeetings {

	private static final Logger log = LoggerFactory.getLogger(DeletedMeetings.class);

	private final JdbcClient jdbc;

	private final ObjectStore store;

	private final Duration sweepFor;

	DeletedMeetings(JdbcClient jdbc, ObjectStore store, BackendProperties properties) {
		this.jdbc = jdbc;
		this.store = store;
		this.sweepFor = properties.deletion().sweepFor();
	}

	/** Remembers a deletion, in the deleting transaction. */
	void record(UUID organisationId, UUID meetingId, Instant deletedAt) {
		this.jdbc
			.sql("insert into deleted_meetings (meeting_id, organisation_id, deleted_at, swept_until) "
					+ "values (?, ?, ?, ?) on conflict (meeting_id) do nothing")
			.params(meetingId, organisationId, Timestamp.from(deletedAt), Timestamp.from(deletedAt.plus(this.sweepFor)))
			.update();
	}

	/**
	 * Sweeps the meeting's prefix now if the meeting was deleted; a result reported for a
	 * meeting that is gone is the sign that something may have been written there since.
	 * @return whether the meeting was deleted (so the result is to be dropped)
	 */
	public boolean sweepIfDeleted(UUID meetingId) {
		List<UUID> organisation = this.jdbc.sql("select organisation_id from deleted_meetings where meeting_id = ?")
			.param(meetingId)
			.query(UUID.class)
			.list();
		organisation.forEach(org -> sweep(org, meetingId));
		return !organisation.isEmpty();
	}

	@Scheduled(fixedDelayString = "${aigenda.backend.deletion.sweep-interval:1m}")
	void sweepRecent() {
		try {
			Instant now = Instant.now();
			this.jdbc.sql("select organisation_id, meeting_id, swept_until from deleted_meetings where not done")
				.query((rs,
						i) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
								rs.getTimestamp(3).toInstant() })
				.list()
				.forEach(row -> {
					sweep((UUID) row[0], (UUID) row[1]);
					if (((Instant) row[2]).isBefore(now)) {
						// every URL handed out before the delete has expired: this was
						// the last sweep
						this.jdbc.sql("update deleted_meetings set done = true where meeting_id = ?")
							.param(row[1])
							.update();
					}
				});
		}
		catch (RuntimeException ex) {
			log.warn("Sweeping deleted meetings failed, will retry: {}", ex.getMessage());
		}
	}

	private void sweep(UUID organisationId, UUID meetingId) {
		int late = this.store.deletePrefix(StorageKeys.meetingPrefix(organisationId, meetingId));
		if (late > 0) {
			log.info("Deleted {} objects written under deleted meeting {} after its delete", late, meetingId);
		}
	}

}
