package io.aigenda.contracts;

import java.util.UUID;

/** Event from the ml-controller: no voiceprint could be made from the clip, and why. */
public record VoiceprintEnrolmentFailed(UUID organisationId, UUID voiceprintId, String reason) {
}
