package io.aigenda.contracts;

import java.util.UUID;

/** Event from the ml-controller to the backend: the pipeline gave up on a meeting. */
public record MeetingFailed(UUID meetingId, UUID organisationId, StepKind step, String reason) {
}
