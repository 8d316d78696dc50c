package io.aigenda.contracts;

import java.util.UUID;

/**
 * A user uploaded a short clip of one person under {@code name}: the ml-controller
 * diarizes the clip as one speaker and stores that speaker's embedding as voiceprint
 * {@code voiceprintId} of the organisation, then answers {@link VoiceprintEnrolled} or
 * {@link VoiceprintEnrolmentFailed}. The controller asks the backend for presigned URLs
 * of the clip; the message carries only ids. Sent again after a lost confirm, it is done
 * once.
 *
 * @param clipKey S3 key of the clip (full key), for logs and operators
 */
public record EnrolVoiceprint(UUID organisationId, UUID voiceprintId, String name, String clipKey) {
}
