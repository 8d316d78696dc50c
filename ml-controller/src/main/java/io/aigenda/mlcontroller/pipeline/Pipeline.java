package io.aigenda.mlcontroller.pipeline;

import java.util.UUID;

import io.aigenda.contracts.Language;

/** A stored pipeline row. */
record Pipeline(UUID meetingId, UUID organisationId, Language language, String audioKey, Integer minSpeakers,
		Integer maxSpeakers, PipelineState state, Double audioSeconds, Integer speakerCount, String transcriptKey,
		String failureReason, int run) {
}
