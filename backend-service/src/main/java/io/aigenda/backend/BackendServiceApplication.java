package io.aigenda.backend;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * REST API, accounts, meetings and uploads; the only service with PostgreSQL and S3
 * credentials.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BackendServiceApplication {

	/** Name of this service's configuration file, so services can share one classpath. */
	public static final String CONFIG_NAME = "backend-service";

	public static void main(String[] args) {
		new SpringApplicationBuilder(BackendServiceApplication.class).properties("spring.config.name=" + CONFIG_NAME)
			.run(args);
	}

}
