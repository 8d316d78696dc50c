package io.aigenda.observability;

import io.aigenda.messaging.step.StepTemplate;

/**
 * Names of the log context (MDC) entries that tie a log line, a metric exemplar and a
 * Sentry event to one meeting. Micrometer Tracing adds {@code traceId} and {@code spanId}
 * itself.
 */
public final class MeetingContext {

	// spelled once, where workers' steps set them too
	public static final String MEETING_ID = StepTemplate.MEETING_ID;

	public static final String STEP_ID = StepTemplate.STEP_ID;

	public static final String TRACE_ID = "traceId";

	private MeetingContext() {
	}

}
