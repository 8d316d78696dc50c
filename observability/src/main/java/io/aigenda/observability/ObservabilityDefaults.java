package io.aigenda.observability;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring Boot settings every service wants, at the lowest precedence so a service's yml
 * or the environment still wins. Logs become JSON (Elastic Common Schema, MDC included:
 * traceId, spanId, meetingId, stepId) with {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs},
 * which the container deployments set.
 */
class ObservabilityDefaults implements EnvironmentPostProcessor {

	static final String SOURCE = "aigendaObservabilityDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(SOURCE)) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource(SOURCE, Map.of(
					// One meeting is one trace: keep every trace (there are few, and each
					// is long).
					"management.tracing.sampling.probability", "1.0", "management.endpoints.web.exposure.include",
					"health,info,prometheus", "management.endpoint.health.probes.enabled", "true",
					// Ready only when what the service needs answers; each service has
					// the ones it uses (device: the accelerator a GPU worker runs on).
					"management.endpoint.health.group.readiness.include", "readinessState,rabbit,db,s3,models,device",
					"management.endpoint.health.validate-group-membership", "false",
					"management.metrics.distribution.percentiles-histogram.http.server.requests", "true",
					"management.observations.annotations.enabled", "true",
					// A stopped worker finishes its in-flight message before the context
					// closes.
					"spring.lifecycle.timeout-per-shutdown-phase", "2m")));
	}

}
