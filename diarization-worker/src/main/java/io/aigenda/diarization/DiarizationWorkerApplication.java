package io.aigenda.diarization;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The diarization-worker: who spoke when. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DiarizationWorkerApplication {

	/** Name of this service's configuration file ({@code diarization-worker.yml}). */
	public static final String CONFIG_NAME = "diarization-worker";

	public static void main(String[] args) {
		new SpringApplicationBuilder(DiarizationWorkerApplication.class).properties("spring.config.name=" + CONFIG_NAME)
			.run(args);
	}

}
