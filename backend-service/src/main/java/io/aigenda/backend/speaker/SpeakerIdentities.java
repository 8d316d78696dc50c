package io.aigenda.backend.speaker;

import java.util.List;
import java.util.UUID;

import io.aigenda.contracts.SpeakerIdentity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names speakers of a newly stored meeting that the ml-controller recognised by
 * voiceprint.
 */
@Component
public class SpeakerIdentities {

	private final JdbcClient jdbc;

	SpeakerIdentities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Applies each identity whose voiceprint the organisation still has (one forgotten
	 * meanwhile names no one).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void apply(UUID organisationId, UUID meetingId, List<SpeakerIdentity> identities) {
		for (SpeakerIdentity identity : identities) {
			this.jdbc
				.sql("update speakers s set display_name = v.name, voiceprint_id = v.id, voiceprint_confidence = ? "
						+ "from voiceprints v where v.id = ? and v.organisation_id = ? and s.meeting_id = ? "
						+ "and s.label = ?")
				.params(identity.confidence(), identity.voiceprintId(), organisationId, meetingId, identity.speaker())
				.update();
		}
	}

}
