package io.aigenda.observability;

import io.aigenda.messaging.Topology;
import io.aigenda.messaging.transfer.TransferMeter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What every AiGenda service gets by depending on this library: domain meters, AMQP
 * tracing and meeting context in logs, Sentry once a DSN is set, queue depth gauges where
 * enabled and a health indicator for the models a service needs. Defaults for Spring
 * Boot's own metrics, tracing and probes come from {@link ObservabilityDefaults}.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"io.aigenda.messaging.MessagingAutoConfiguration",
		"org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration" })
@EnableConfigurationProperties({ ObservabilityProperties.class, SentryProperties.class })
public class ObservabilityAutoConfiguration {

	@Bean
	static AmqpObservation aigendaAmqpObservation(ObjectProvider<PipelineMeters> meters) {
		return new AmqpObservation(meters);
	}

	@Bean
	@ConditionalOnMissingBean
	PipelineMeters pipelineMeters(MeterRegistry registry, ObservabilityProperties properties) {
		PipelineMeters meters = new PipelineMeters(registry);
		properties.steps().forEach(meters::stepFailuresStartAtZero);
		return meters;
	}

	/**
	 * Bytes moved through presigned URLs (workers' steps, the ml-controller's documents)
	 * count in the S3 byte counters.
	 */
	@Bean
	@ConditionalOnMissingBean
	TransferMeter transferMeter(PipelineMeters meters) {
		return meters.transfers();
	}

	@Bean
	@ConditionalOnBooleanProperty("aigenda.observability.queue-metrics")
	@ConditionalOnBean({ AmqpAdmin.class, Topology.class })
	QueueMeters queueMeters(AmqpAdmin admin, Topology topology, MeterRegistry registry,
			ObservabilityProperties properties) {
		return new QueueMeters(admin, topology, registry, properties.gaugeInterval().toMillis());
	}

	@Bean
	@ConditionalOnExpression("!'${aigenda.sentry.dsn:}'.isBlank()")
	SentryReporter sentryReporter(SentryProperties properties, Environment environment) {
		String version = ObservabilityAutoConfiguration.class.getPackage().getImplementationVersion();
		return new SentryReporter(properties, environment.getProperty("spring.application.name", "aigenda"),
				(version != null) ? version : "dev");
	}

	@Bean
	@ConditionalOnProperty("aigenda.observability.model-paths[0]")
	ModelsHealthIndicator modelsHealthIndicator(ObservabilityProperties properties) {
		return new ModelsHealthIndicator(properties.modelPaths());
	}

}
