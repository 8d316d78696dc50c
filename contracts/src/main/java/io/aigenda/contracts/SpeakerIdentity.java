package io.aigenda.contracts;

import java.util.UUID;

/**
 * A speaker of a meeting recognised by a stored voiceprint.
 *
 * @param confidence calibrated probability (0..1) that the speaker is the voiceprint's
 * person, from the cosine similarity of the speaker's embedding to the voiceprint
 */
public record SpeakerIdentity(String speaker, UUID voiceprintId, String name, double confidence) {
}
