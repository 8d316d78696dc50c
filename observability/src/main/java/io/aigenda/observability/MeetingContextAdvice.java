package io.aigenda.observability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;

/**
 * Puts the meeting id and step id of the message being handled into the log context, so
 * every log line a handler writes (and every Sentry event) names its meeting. Wraps the
 * whole delivery, retries and dead-lettering included.
 */
class MeetingContextAdvice implements MethodInterceptor {

	/**
	 * Ids sit near the start of every contract's JSON; no need to read a whole document.
	 */
	private static final int SCAN_BYTES = 4096;

	private static final Pattern MEETING_ID = id("meetingId");

	private static final Pattern STEP_ID = id("stepId");

	private static Pattern id(String field) {
		return Pattern.compile("\"" + field + "\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Message message = message(invocation.getArguments());
		if (message == null) {
			return invocation.proceed();
		}
		String head = new String(message.getBody(), 0, Math.min(SCAN_BYTES, message.getBody().length),
				StandardCharsets.UTF_8);
		try (MDC.MDCCloseable meeting = put(MeetingContext.MEETING_ID, find(MEETING_ID, head));
				MDC.MDCCloseable step = put(MeetingContext.STEP_ID, find(STEP_ID, head))) {
			return invocation.proceed();
		}
	}

	private static Message message(Object[] arguments) {
		for (Object argument : arguments) {
			if (argument instanceof Message message) {
				return message;
			}
			if (argument instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Message first) {
				return first;
			}
		}
		return null;
	}

	private static String find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static MDC.MDCCloseable put(String key, String value) {
		return (value == null) ? null : MDC.putCloseable(key, value);
	}

}
