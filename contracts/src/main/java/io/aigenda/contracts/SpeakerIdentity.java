package io.aigenda.contracts;

import java.util.UUID;

/**
 * A speaker of a meeting recognised by a stored voiceprint.
 *
 * @param confidence cosine similarity of the speaker's embedding to the voiceprint
 */
public record SpeakerIdentity(String speaker, UUID voiceprintId, String name, double confidence) {
}
