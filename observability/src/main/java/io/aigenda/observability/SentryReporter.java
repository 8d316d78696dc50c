package io.aigenda.observability;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.protocol.Message;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Sends every ERROR log line (with its exception) to Sentry, tagged with the service,
 * release, environment and the meeting, step and trace of the log context. Errors in
 * AiGenda are logged where they are handled (failed steps, dead-lettered messages, API
 * errors), so the log is the one place to hook. Only created when a DSN is configured.
 */
class SentryReporter implements InitializingBean, DisposableBean {

	static final String APPENDER_NAME = "AIGENDA_SENTRY";

	private final SentryProperties properties;

	private final String service;

	private final String release;

	private final Appender appender = new Appender();

	SentryReporter(SentryProperties properties, String service, String version) {
		this.properties = properties;
		this.service = service;
		this.release = properties.release().isBlank() ? service + "@" + version : properties.release();
	}

	@Override
	public void afterPropertiesSet() {
		Sentry.init(options -> {
			options.setDsn(properties.dsn());
			options.setEnvironment(properties.environment());
			options.setRelease(release);
			options.setServerName(null);
			options.setSendDefaultPii(false);
			options.setAttachStacktrace(true);
			options.setBeforeBreadcrumb((breadcrumb, hint) -> null);
			options.setBeforeSend(new ContentScrubber());
			options.setTag("service", service);
		});
		Logger root = rootLogger();
		root.detachAppender(APPENDER_NAME);
		appender.setName(APPENDER_NAME);
		appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		appender.start();
		root.addAppender(appender);
	}

	@Override
	public void destroy() {
		rootLogger().detachAppender(appender);
		appender.stop();
		Sentry.close();
	}

	private static Logger rootLogger() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	static SentryEvent toSentryEvent(ILoggingEvent log) {
		IThrowableProxy proxy = log.getThrowableProxy();
		SentryEvent event = (proxy instanceof ThrowableProxy thrown) ? new SentryEvent(thrown.getThrowable())
				: new SentryEvent();
		event.setLevel(SentryLevel.ERROR);
		event.setLogger(log.getLoggerName());
		Message message = new Message();
		message.setFormatted(log.getFormattedMessage());
		event.setMessage(message);
		Map<String, String> context = log.getMDCPropertyMap();
		tag(event, "meeting_id", context.get(MeetingContext.MEETING_ID));
		tag(event, "step_id", context.get(MeetingContext.STEP_ID));
		tag(event, "trace_id", context.get(MeetingContext.TRACE_ID));
		return event;
	}

	private static void tag(SentryEvent event, String name, String value) {
		if (value != null && !value.isBlank()) {
			event.setTag(name, value);
		}
	}

	private static final class Appender extends AppenderBase<ILoggingEvent> {

		@Override
		protected void append(ILoggingEvent log) {
			if (log.getLevel().isGreaterOrEqual(Level.ERROR) && !log.getLoggerName().startsWith("io.sentry")) {
				Sentry.captureEvent(toSentryEvent(log));
			}
		}

	}

}
