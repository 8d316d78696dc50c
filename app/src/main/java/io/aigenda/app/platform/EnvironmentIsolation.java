package io.aigenda.app.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Hides process-wide settings (environment variables, system properties) that belong to
 * another service from one service's context. All services share one process, so without
 * this an {@code AIGENDA_S3_SECRET_KEY} or {@code SPRING_DATASOURCE_URL} meant for the
 * backend would reach the workers too. Runs before any bean is created.
 */
final class EnvironmentIsolation implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private final List<String> deniedPrefixes;

	EnvironmentIsolation(List<String> deniedPrefixes) {
		this.deniedPrefixes = List.copyOf(deniedPrefixes);
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (this.deniedPrefixes.isEmpty()) {
			return;
		}
		ConfigurableEnvironment environment = context.getEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		String environmentName = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
		String propertiesName = StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME;
		if (sources.get(environmentName) instanceof EnumerablePropertySource<?> variables) {
			// keeps the type, which Spring Boot needs to bind AIGENDA_X_Y to aigenda.x.y
			sources.replace(environmentName, new SystemEnvironmentPropertySource(environmentName, allowed(variables)));
		}
		if (sources.get(propertiesName) instanceof EnumerablePropertySource<?> properties) {
			sources.replace(propertiesName, new MapPropertySource(propertiesName, allowed(properties)));
		}
	}

	private Map<String, Object> allowed(EnumerablePropertySource<?> source) {
		Map<String, Object> kept = new LinkedHashMap<>();
		for (String name : source.getPropertyNames()) {
			if (!denied(name)) {
				kept.put(name, source.getProperty(name));
			}
		}
		return kept;
	}

	/** Matches both {@code aigenda.s3.endpoint} and {@code AIGENDA_S3_ENDPOINT}. */
	boolean denied(String name) {
		String normalised = name.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
		for (String prefix : this.deniedPrefixes) {
			String deniedPrefix = prefix.toLowerCase(Locale.ROOT).replace("-", "");
			if (normalised.equals(deniedPrefix) || normalised.startsWith(deniedPrefix + ".")) {
				return true;
			}
		}
		return false;
	}

}
