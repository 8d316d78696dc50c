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
 * @param messaging namespace of every exchange and queue
 * @param verbose show the services' logs instead of warnings only
 * @param logFormat {@code plain} lines on standard error for a terminal, or {@code ecs}:
 * one JSON object a line on standard output (Elastic Common Schema with {@code traceId}
 * and {@code meetingId}), as the containers write them, for a log shipper
 * ({@code AIGENDA_LOG_FORMAT})
 */
@ConfigurationProperties("aigenda")
public record PlatformProperties(@DefaultValue("data") Path dataDir, @DefaultValue("8080") int port,
		@DefaultValue("127.0.0.1") String address, @DefaultValue Database database, @DefaultValue Broker broker,
		@DefaultValue S3 s3, @DefaultValue Messaging messaging, @DefaultValue("false") boolean verbose,
		@DefaultValue("plain") LogFormat logFormat) {

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
	 * @param embedded always start the embedded broker
	 */
	public record Broker(String host, @DefaultValue("5672") int port, @DefaultValue("guest") String username,
			@DefaultValue("guest") String password, @DefaultValue("/") String virtualHost,
			@DefaultValue("false") boolean embedded) {

		boolean configured() {
			return this.host != null && !this.host.isBlank();
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

	public record Messaging(@DefaultValue("aigenda") String namespace) {
	}

}
