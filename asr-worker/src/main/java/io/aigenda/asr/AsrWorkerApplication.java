package io.aigenda.asr;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The speech recognition worker: takes {@code Transcribe} commands from RabbitMQ and
 * answers with a stored transcript. It holds no database or storage credentials, only
 * presigned URLs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AsrWorkerApplication {

	/** Name of this service's configuration file ({@code asr-worker.yml}). */
	public static final String CONFIG_NAME = "asr-worker";

	public static void main(String[] args) {
		new SpringApplicationBuilder(AsrWorkerApplication.class).properties("spring.config.name=" + CONFIG_NAME)
			.run(args);
	}

}
