package io.aigenda.observability;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Observability settings shared by every service.
 *
 * @param queueMetrics whether this service publishes the depth of every AiGenda queue
 * (one service per deployment is enough; the ml-controller does by default)
 * @param gaugeInterval how often gauges that ask the broker or a database (queue depths,
 * meetings by state) refresh
 * @param modelPaths files or folders this service cannot work without; the {@code models}
 * health indicator is down while one is missing, so the pod is not ready
 * @param steps the pipeline steps this service runs ({@code transcribe}, {@code diarize},
 * {@code write-minutes}): their failure counters start at zero for every reason, so
 * failure rates and the error-rate alert have a series before the first failure
 */
@ConfigurationProperties("aigenda.observability")
public record ObservabilityProperties(@DefaultValue("false") boolean queueMetrics,
		@DefaultValue("15s") Duration gaugeInterval, @DefaultValue List<String> modelPaths,
		@DefaultValue List<String> steps) {

}
