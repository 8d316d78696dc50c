package io.aigenda.llm;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The llm-worker: turns a speaker-attributed transcript into minutes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LlmWorkerApplication {

	/** Name of this service's configuration file ({@code llm-worker.yml}). */
	public static final String CONFIG_NAME = "llm-worker";

	public static void main(String[] args) {
		new SpringApplicationBuilder(LlmWorkerApplication.class).properties("spring.config.name=" + CONFIG_NAME)
			.run(args);
	}

}
