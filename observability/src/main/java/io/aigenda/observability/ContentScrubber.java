package io.aigenda.observability;

import java.util.regex.Pattern;

import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;

/**
 * Last stop before an event leaves for Sentry: recordings and transcripts must never
 * reach a third party. Removes what may quote them (breadcrumbs, extras, request data)
 * and redacts transcript fields in messages and exception texts: JSON fields and record
 * components named like transcript content, and the query of every URL (a presigned URL
 * is a key to a recording). Exception types and stack frames stay, which is what a
 * developer needs.
 */
class ContentScrubber implements SentryOptions.BeforeSendCallback {

	static final String REDACTED = "[redacted]";

	private static final String FIELDS = "text|transcript|content|summary|body|words|turns|sentence|title|minutes|decisions|actionItems|topics";

	private static final Pattern JSON_FIELD = Pattern
		.compile("\"(" + FIELDS + ")\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|\\[[^\\]]*\\]?)");

	private static final Pattern RECORD_COMPONENT = Pattern.compile("\\b(" + FIELDS + ")=([^,\\]\\)]*)");

	private static final Pattern URL_QUERY = Pattern.compile("(https?://[^\\s?\"']+)\\?[^\\s\"']*");

	/** Long texts are cut: what matters for a developer is at the start. */
	private static final int MAX_LENGTH = 500;

	@Override
	public SentryEvent execute(SentryEvent event, Hint hint) {
		event.setBreadcrumbs(null);
		event.setExtras(null);
		event.setRequest(null);
		event.setUser(null);
		Message message = event.getMessage();
		if (message != null) {
			message.setFormatted(redact(message.getFormatted()));
			message.setMessage(redact(message.getMessage()));
			message.setParams(null);
		}
		if (event.getExceptions() != null) {
			for (SentryException exception : event.getExceptions()) {
				exception.setValue(redact(exception.getValue()));
			}
		}
		return event;
	}

	static String redact(String text) {
		if (text == null) {
			return null;
		}
		String redacted = JSON_FIELD.matcher(text).replaceAll("\"$1\":\"" + REDACTED + "\"");
		redacted = RECORD_COMPONENT.matcher(redacted).replaceAll("$1=" + REDACTED);
		redacted = URL_QUERY.matcher(redacted).replaceAll("$1?" + REDACTED);
		return (redacted.length() > MAX_LENGTH) ? redacted.substring(0, MAX_LENGTH) + "…" : redacted;
	}

}
