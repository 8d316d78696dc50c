package io.aigenda.mlcontroller.pipeline;

import io.aigenda.contracts.StepKind;
import io.aigenda.observability.PipelineMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts worker events that match no current step: the ones this controller never
 * dispatched (dead-lettered: another controller on the same queues) and the answers of
 * steps a retry replaced (dropped by design). Both start at zero, so an alert can watch
 * the first.
 */
@Component
class UnmatchedEventMeters {

	private final MeterRegistry registry;

	UnmatchedEventMeters(MeterRegistry registry) {
		this.registry = registry;
		for (StepKind kind : StepKind.values()) {
			counter(PipelineMeters.EVENTS_UNKNOWN_STEP, kind);
			counter(PipelineMeters.EVENTS_SUPERSEDED_STEP, kind);
		}
	}

	void unknownStepEvent(StepKind kind) {
		counter(PipelineMeters.EVENTS_UNKNOWN_STEP, kind).increment();
	}

	void supersededEvent(StepKind kind) {
		counter(PipelineMeters.EVENTS_SUPERSEDED_STEP, kind).increment();
	}

	private Counter counter(String name, StepKind kind) {
		return Counter.builder(name)
			.tag("step", (kind != null) ? PipelineEngine.stepName(kind) : "unknown")
			.register(this.registry);
	}

}
