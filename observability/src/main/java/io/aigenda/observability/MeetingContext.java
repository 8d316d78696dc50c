package io.aigenda.observability;

/**
 * Names of the log context (MDC) entries that tie a log line, a metric exemplar and a
 * Sentry event to one meeting. Micrometer Tracing adds {@code traceId} and {@code spanId}
 * itself.
 */
public final class MeetingContext {

	public static final String MEETING_ID = "meetingId";

	public static final String STEP_ID = "stepId";

	public static final String TRACE_ID = "traceId";

	private MeetingContext() {
	}

}
