package io.aigenda.app.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the one-JVM platform runs on. Every part left unconfigured is provided on this
 * machine: an embedded PostgreSQL, the local RabbitMQ (or an embedded AMQP broker when
 * none answers) and an embedded S3 server, all keeping their data under {@code dataDir}.
 * Bound from system properties and the environment ({@code AIGENDA_DATABASE_URL}...)
 * before any service starts.
 *
 * @param dataDir where embedded PostgreSQL, S3 objects and the controller's store live
 * @param port HTTP port of the backend's API (0 picks a free one)
 * @param address interface the API listens on; the loopback one unless set
 * @param database an existing PostgreSQL database, or embedded when no URL is given
 * @param broker an existing AMQP broker, or the local RabbitMQ / an embedded one
 * @param s3 an existing S3-compatible store, or embedded when no endpoint is given
 * @param messaging namespace of every exchange and queue; unless it or the broker's
 * virtual host is configured, one of the data folder's own
 * ({@link DataDirectory#namespaceFor})
 * @param metricsPort where every service's metrics are served as one Prometheus target
 * ({@code /metrics}, on {@code address}); 0 picks a free port; none serves them nowhere
 * @param command the command that runs the platform ({@code serve}, {@code process}...),
 * for the message a second platform on the same data folder gets
 * @param verbose show the services' logs instead of warnings only
 * @param quiet show the services' errors only, not their warnings: for a command that
 * reports what becomes of its work itself ({@code process}), where a failed step would
 * otherwise be told once by each service that saw it
 * @param logFormat {@code plain} lines on standard error for a terminal, or {@code ecs}:
 * one JSON object a line on standard output (Elastic Common Schema with {@code traceId}
 * and {@code meetingId}), as the containers write them, for a log shipper
 * ({@code AIGENDA_LOG_FORMAT})
 */
@ConfigurationProperties("aigenda")
public record PlatformProperties(@DefaultValue("data") Path dataDir, @DefaultValue("8080") int port,
		@DefaultValue("127.0.0.1") String address, @DefaultValue Database database, @DefaultValue Broker broker,
		@DefaultValue S3 s3, @DefaultValue Messaging messaging, @DefaultValue("false") boolean verbose,
		@DefaultValue("false") boolean quiet, @DefaultValue("plain") LogFormat logFormat, Integer metricsPort,
		@DefaultValue("platform") String command) {

	public enum LogFormat {

		PLAIN, ECS

	}

	/**
	 * @param url JDBC URL of an existing database; none starts PostgreSQL on
	 * {@code <dataDir>/postgres}
	 */
	public record Database(String url, @DefaultValue("postgres") String username, @DefaultValue("") String password) {

		boolean configured() {
			return this.url != null && !this.url.isBlank();
		}

	}

	/**
	 * @param host an existing broker; none tries RabbitMQ on 127.0.0.1:{@code port}, then
	 * starts an embedded one
	 * @param virtualHost the broker's virtual host; {@code /} unless set
	 * @param embedded always start the embedded broker
	 */
	public record Broker(String host, @DefaultValue("5672") int port, @DefaultValue("guest") String username,
			@DefaultValue("guest") String password, String virtualHost, @DefaultValue("false") boolean embedded) {

		boolean configured() {
			return this.host != null && !this.host.isBlank();
		}

		/** A virtual host chosen for this platform keeps its queues apart already. */
		boolean virtualHostConfigured() {
			return this.virtualHost != null && !this.virtualHost.isBlank();
		}

		String effectiveVirtualHost() {
			return virtualHostConfigured() ? this.virtualHost : "/";
		}

	}

	/**
	 * @param endpoint an existing S3-compatible store; none starts one on
	 * {@code <dataDir>/s3}
	 */
	public record S3(String endpoint, @DefaultValue("us-east-1") String region, String accessKey, String secretKey,
			@DefaultValue("aigenda") String bucket) {

		boolean configured() {
			return this.endpoint != null && !this.endpoint.isBlank();
		}

	}

	/**
	 * @param namespace prefix of every exchange and queue; none derives one
	 * ({@link PlatformProperties#namespace()})
	 */
	public record Messaging(String namespace) {

		boolean configured() {
			return this.namespace != null && !this.namespace.isBlank();
		}

	}

	/**
	 * The namespace of every exchange and queue: the configured one; {@code aigenda} in a
	 * virtual host of the platform's own; else one that belongs to the data folder, so
	 * two platforms on one broker (a {@code serve} and a {@code process}, two test runs)
	 * never share queues by accident.
	 */
	public String namespace() {
		if (this.messaging.configured()) {
			return this.messaging.namespace();
		}
		if (this.broker.virtualHostConfigured()) {
			return "aigenda";
		}
		return DataDirectory.namespaceFor(this.dataDir);
	}

}
