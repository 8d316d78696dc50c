package io.aigenda.contracts;

import java.util.UUID;

/** Progress of a step, from 0 to 1, for the live status in the web app and the CLI. */
public record StepProgress(UUID meetingId, UUID stepId, StepKind step, double fraction, String message) {
}
