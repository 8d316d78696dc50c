package io.aigenda.contracts.internal;

/**
 * Body of the meeting-controller's {@link InternalPaths#RECORDER_HEARTBEAT}: a recorder's
 * sign of life, sent every few seconds with its recorder token.
 *
 * @param phase {@code joining}, {@code recording}, {@code ended} (the meeting ended or
 * went silent; it is leaving) or {@code failed}
 * @param detail why, for {@code ended} and {@code failed}
 */
public record Heartbeat(String phase, String detail) {
}
