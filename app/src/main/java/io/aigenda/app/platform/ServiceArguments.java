package io.aigenda.app.platform;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings each service's context is started with. */
final class ServiceArguments {

	private ServiceArguments() {
	}

	/**
	 * Command-line arguments: they take precedence over every configuration file,
	 * environment variable and system property, so each context gets exactly these
	 * connections.
	 */
	static List<String> of(Service service, PlatformProperties properties, Connections connections, URI backendUrl,
			String serviceToken, String adminToken) {
		return of(service, properties, connections, backendUrl, serviceToken, adminToken, 0);
	}

	/**
	 * @param mlControllerPort the loopback port the ml-controller serves search on, where
	 * the backend asks; 0 for any free one (then the backend cannot search)
	 */
	static List<String> of(Service service, PlatformProperties properties, Connections connections, URI backendUrl,
			String serviceToken, String adminToken, int mlControllerPort) {
		Map<String, String> args = new LinkedHashMap<>();
		args.put("spring.config.name", service.configName());
		args.put("spring.main.web-application-type", service.web() ? "servlet" : "none");
		args.put("spring.main.banner-mode", "off");
		args.put("spring.main.log-startup-info", String.valueOf(properties.verbose()));
		// the platform closes the contexts in order, then the infrastructure they use
		args.put("spring.main.register-shutdown-hook", "false");
		args.put("spring.jmx.enabled", "false");
		args.put("logging.level.root", properties.verbose() ? "INFO" : properties.quiet() ? "ERROR" : "WARN");
		if (properties.logFormat() == PlatformProperties.LogFormat.ECS) {
			args.put("logging.config", "classpath:logback-ecs.xml");
		}
		if (!properties.verbose()) {
			// Flyway warns on every start that H2 (the controller's store) is newer than
			// it was tested with
			args.put("logging.level.org.flywaydb.core.internal.database.base.Database", "ERROR");
			// a service that fails to start is reported in one line by the platform;
			// Spring Boot would
			// log the whole stack trace as well
			args.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
			args.put("logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "OFF");
			args.put("logging.level.org.springframework.boot.web.server.servlet.context", "ERROR");
			args.put("logging.level.org.springframework.context.annotation", "ERROR");
			// the sentence encoder's tokenizer warns that it found no GPU on every start
			args.put("logging.level.ai.djl", "ERROR");
			// Lucene asks for the incubating Vector API, which the JVM would announce
			// with a warning of
			// its own on every start; a meeting's search index is small enough without it
			args.put("logging.level.org.apache.lucene.internal.vectorization", "ERROR");
		}
		if (!service.excludedAutoConfigurations().isEmpty()) {
			args.put("spring.autoconfigure.exclude", String.join(",", service.excludedAutoConfigurations()));
		}
		Connections.Broker broker = connections.broker();
		args.put("spring.rabbitmq.host", broker.host());
		args.put("spring.rabbitmq.port", String.valueOf(broker.port()));
		args.put("spring.rabbitmq.username", broker.username());
		args.put("spring.rabbitmq.password", broker.password());
		args.put("spring.rabbitmq.virtual-host", broker.virtualHost());
		args.put("aigenda.messaging.namespace", properties.namespace());
		args.put("aigenda.messaging.broker", broker.qpid() ? "qpid" : "auto");
		args.put("aigenda.data-dir", properties.dataDir().toAbsolutePath().toString());
		switch (service) {
			case BACKEND -> {
				Connections.Database database = connections.database();
				Connections.S3 s3 = connections.s3();
				args.put("server.port", String.valueOf(properties.port()));
				args.put("server.address", properties.address());
				args.put("spring.datasource.url", database.url());
				args.put("spring.datasource.username", database.username());
				args.put("spring.datasource.password", database.password());
				args.put("aigenda.s3.endpoint", s3.endpoint());
				args.put("aigenda.s3.region", s3.region());
				args.put("aigenda.s3.access-key", s3.accessKey());
				args.put("aigenda.s3.secret-key", s3.secretKey());
				args.put("aigenda.s3.bucket", s3.bucket());
				args.put("aigenda.s3.path-style", "true");
				args.put("aigenda.backend.service-token", serviceToken);
				args.put("aigenda.backend.bootstrap.api-token", adminToken);
				if (mlControllerPort > 0) {
					args.put("aigenda.backend.search.ml-controller-url", "http://127.0.0.1:" + mlControllerPort);
				}
			}
			case ML_CONTROLLER -> {
				args.put("aigenda.ml-controller.backend-url", backendUrl.toString());
				args.put("aigenda.ml-controller.service-token", serviceToken);
				args.put("server.address", "127.0.0.1");
				args.put("server.port", String.valueOf(mlControllerPort));
			}
			case MEETING_CONTROLLER -> {
				// recorders on this machine reach it on loopback, at a port free right
				// now
				int port = freePort();
				args.put("server.port", String.valueOf(port));
				args.put("server.address", "127.0.0.1");
				args.put("aigenda.meeting-controller.public-url", "http://127.0.0.1:" + port);
				args.put("aigenda.meeting-controller.backend-url", backendUrl.toString());
				args.put("aigenda.meeting-controller.service-token", serviceToken);
			}
			default -> {
			}
		}
		return args.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
