package io.aigenda.diarization;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DiarizerConfiguration {

	/**
	 * The device, tried once at start; the diarize listener starts only when it is usable
	 * ({@code DiarizeListener}).
	 */
	@Bean
	OnnxDevice onnxDevice(DiarizationProperties properties) {
		return OnnxDevice.probe(properties.models());
	}

	/**
	 * None ({@code null}) when the device cannot run models: opening them there would
	 * fail the start, and the worker would restart for ever instead of saying why it is
	 * not ready.
	 */
	@Bean(destroyMethod = "close")
	Diarizer diarizer(DiarizationProperties properties, OnnxDevice device) {
		return device.usable() ? Diarizer.create(properties) : null;
	}

	/**
	 * The {@code device} member of readiness: down, with the reason, when it cannot run
	 * models.
	 */
	@Bean
	HealthIndicator deviceHealthIndicator(OnnxDevice device) {
		Health health = device.usable() ? Health.up().withDetail("device", device.name()).build()
				: Health.down().withDetail("device", device.name()).withDetail("reason", device.problem()).build();
		return () -> health;
	}

}
