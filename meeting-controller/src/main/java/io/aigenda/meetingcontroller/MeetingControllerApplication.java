package io.aigenda.meetingcontroller;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The meeting-controller: provisions recorder bots that join calls and stream their audio
 * to the backend. For now it starts, joins the message topology and answers health;
 * provisioning comes next.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MeetingControllerApplication {

	/**
	 * Name of the configuration file ({@code meeting-controller.yml}). Every service has
	 * its own, so all of them can share one classpath in the one-machine launcher.
	 */
	public static final String CONFIG_NAME = "meeting-controller";

	public static void main(String[] args) {
		new SpringApplicationBuilder(MeetingControllerApplication.class).properties("spring.config.name=" + CONFIG_NAME)
			.run(args);
	}

}
