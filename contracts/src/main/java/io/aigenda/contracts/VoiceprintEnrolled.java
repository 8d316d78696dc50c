package io.aigenda.contracts;

import java.util.UUID;

/**
 * Event from the ml-controller: the enrolled voiceprint is stored and recognises its
 * person from now on.
 */
public record VoiceprintEnrolled(UUID organisationId, UUID voiceprintId) {
}
