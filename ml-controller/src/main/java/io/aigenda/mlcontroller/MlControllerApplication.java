package io.aigenda.mlcontroller;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The ml-controller: runs each meeting's pipeline (transcribe and diarize in parallel,
 * join, write minutes) as a state machine persisted in its own store, with deadlines,
 * retries and idempotent handlers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MlControllerApplication {

	/**
	 * Name of the configuration file ({@code ml-controller.yml}). Every service has its
	 * own, so all of them can share one classpath in the one-machine launcher.
	 */
	public static final String CONFIG_NAME = "ml-controller";

	public static void main(String[] args) {
		new SpringApplicationBuilder(MlControllerApplication.class).properties("spring.config.name=" + CONFIG_NAME)
			.run(args);
	}

}
