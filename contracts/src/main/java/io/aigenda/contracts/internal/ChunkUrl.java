package io.aigenda.contracts.internal;

import java.time.Instant;

/**
 * Answer of the backend's {@link InternalPaths#RECORDER_CHUNK}: where the recorder PUTs
 * chunk {@code sequence} (raw PCM, 16-bit little-endian, 16 kHz, mono) straight to S3.
 */
public record ChunkUrl(int sequence, String url, Instant expiresAt) {
}
