package io.aigenda.contracts;

import java.util.UUID;

/**
 * A user named speaker {@code speakerLabel} of a meeting: the ml-controller stores that
 * speaker's centroid embedding as voiceprint {@code voiceprintId} of the organisation,
 * under {@code name}. Sent again with the same voiceprint id when the name changes;
 * storing is an upsert.
 */
public record StoreVoiceprint(UUID organisationId, UUID voiceprintId, UUID meetingId, String speakerLabel,
		String name) {
}
