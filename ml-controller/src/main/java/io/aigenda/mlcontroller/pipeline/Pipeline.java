package io.aigenda.mlcontroller.pipeline;

import java.util.UUID;

/** A stored pipeline row. */
record Pipeline(UUID meetingId, UUID organisationId, String language, String audioKey, Integer minSpeakers,
		Integer maxSpeakers, PipelineState state, Double audioSeconds, Integer speakerCount, String transcriptKey,
		String failureReason, int run) {
}
