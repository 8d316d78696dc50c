package io.aigenda.messaging.step;

import io.aigenda.messaging.Messages;
import io.aigenda.messaging.MessagingAutoConfiguration;
import io.aigenda.messaging.transfer.TransferMeter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * The step template for workers. Services that run no worker step never ask for it, and
 * being lazy it then starts no HTTP client there.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@EnableConfigurationProperties(WorkerProperties.class)
public class StepAutoConfiguration {

	@Bean
	@Lazy
	StepTemplate stepTemplate(Messages messages, WorkerProperties properties, ObjectProvider<TransferMeter> meter) {
		return new StepTemplate(messages, properties, meter.getIfAvailable(() -> TransferMeter.NONE));
	}

}
