package io.aigenda.mlcontroller.pipeline;

import java.time.Instant;
import java.util.UUID;

import io.aigenda.contracts.StepKind;

/** A stored step row: the current attempt of one step of a pipeline. */
record Step(UUID stepId, UUID meetingId, StepKind kind, int attempt, StepState state, Instant deadline,
		Instant nextAttemptAt, String resultKey, String engine, Double processingSeconds, String reason) {

	Step nextAttempt(Instant newDeadline) {
		return new Step(this.stepId, this.meetingId, this.kind, this.attempt + 1, StepState.DISPATCHED, newDeadline,
				null, this.resultKey, this.engine, this.processingSeconds, this.reason);
	}

}
