package io.aigenda.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Error reporting to Sentry (or a self-hosted, Sentry-compatible server such as
 * GlitchTip).
 *
 * @param dsn where events go; Sentry stays off while it is empty
 * @param environment e.g. {@code production}, {@code staging}
 * @param release the version running; defaults to
 * {@code <service>@<version of this build>}
 */
@ConfigurationProperties("aigenda.sentry")
public record SentryProperties(@DefaultValue("") String dsn, @DefaultValue("production") String environment,
		@DefaultValue("") String release) {

	boolean enabled() {
		return !dsn.isBlank();
	}

}
