package io.aigenda.backend.speaker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.aigenda.backend.outbox.Outbox;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.speaker.SpeakerDtos.VoiceprintView;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.storage.StorageKeys;
import io.aigenda.contracts.ForgetVoiceprint;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StoreVoiceprint;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisation's voiceprints: names of people whose voice the ml-controller keeps as
 * an embedding. Rows here and commands to the ml-controller are written in one
 * transaction (outbox).
 */
@Service
class Voiceprints {

	private static final String VIEW_COLUMNS = "select id, name, meeting_id, speaker_label, state, failure_reason, "
			+ "created_at, updated_at from voiceprints ";

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final ObjectStore store;

	private final TransactionTemplate transaction;

	Voiceprints(JdbcClient jdbc, Outbox outbox, ObjectStore store, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.store = store;
		this.transaction = transaction;
	}

	@Transactional(readOnly = true)
	List<VoiceprintView> list(UUID organisationId) {
		return this.jdbc.sql(VIEW_COLUMNS + "where organisation_id = ? order by name, created_at")
			.param(organisationId)
			.query(Voiceprints::view)
			.list();
	}

	@Transactional(readOnly = true)
	VoiceprintView get(UUID organisationId, UUID voiceprintId) {
		return this.jdbc.sql(VIEW_COLUMNS + "where id = ? and organisation_id = ?")
			.params(voiceprintId, organisationId)
			.query(Voiceprints::view)
			.optional()
			.orElseThrow(() -> ApiException.notFound("Voiceprint"));
	}

	private static VoiceprintView view(ResultSet rs, int row) throws SQLException {
		return new VoiceprintView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getString(5).toLowerCase(Locale.ROOT), rs.getString(6),
				rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant());
	}

	/**
	 * The voiceprint made from this speaker of this meeting, created or renamed, and the
	 * command that has the ml-controller store the speaker's centroid under it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	UUID store(UUID organisationId, UUID meetingId, String label, String name) {
		Timestamp now = Timestamp.from(Instant.now());
		Optional<UUID> existing = this.jdbc
			.sql("select id from voiceprints where meeting_id = ? and speaker_label = ? and organisation_id = ?")
			.params(meetingId, label, organisationId)
			.query(UUID.class)
			.optional();
		UUID id = existing.orElseGet(UUID::randomUUID);
		if (existing.isPresent()) {
			this.jdbc.sql("update voiceprints set name = ?, updated_at = ? where id = ?")
				.params(name, now, id)
				.update();
		}
		else {
			this.jdbc
				.sql("insert into voiceprints (id, organisation_id, name, meeting_id, speaker_label, created_at, "
						+ "updated_at) values (?, ?, ?, ?, ?, ?, ?)")
				.params(id, organisationId, name, meetingId, label, now, now)
				.update();
		}
		this.outbox.enqueue(Queues.VOICEPRINTS, new StoreVoiceprint(organisationId, id, meetingId, label, name));
		return id;
	}

	/** Forgets the voiceprint; an enrolment clip goes with it once the row is gone. */
	void forget(UUID organisationId, UUID voiceprintId) {
		// One element, the clip's key or null, when the voiceprint was there.
		List<String> deleted = this.transaction.execute(status -> {
			List<String> clipKeys = this.jdbc
				.sql("delete from voiceprints where id = ? and organisation_id = ? returning clip_key")
				.params(voiceprintId, organisationId)
				.query((rs, i) -> rs.getString(1))
				.list();
			if (clipKeys.isEmpty()) {
				throw ApiException.notFound("Voiceprint");
			}
			this.outbox.enqueue(Queues.VOICEPRINTS, new ForgetVoiceprint(organisationId, voiceprintId));
			return clipKeys;
		});
		if (deleted != null && deleted.get(0) != null) {
			this.store.deletePrefix(StorageKeys.voiceprintPrefix(organisationId, voiceprintId));
		}
	}

}
