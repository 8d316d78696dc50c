package io.aigenda.contracts;

import java.util.UUID;

/** A user forgot a voiceprint: the ml-controller deletes its embedding. */
public record ForgetVoiceprint(UUID organisationId, UUID voiceprintId) {
}
