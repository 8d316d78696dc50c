package io.aigenda.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messaging settings shared by every service.
 *
 * @param namespace prefix of every exchange and queue name, so several deployments (or
 * test runs) can share one broker
 * @param broker which broker is on the other end; {@code auto} asks the server on
 * connect. Only a RabbitMQ broker gets RabbitMQ-only queue arguments (quorum queues,
 * broker-side dead-lettering)
 * @param prefetch messages a consumer takes at once
 * @param concurrency consumers per listener
 * @param maxAttempts deliveries of one message before it is dead-lettered (a message that
 * fails because the database cannot be reached is tried for about a minute instead)
 */
@ConfigurationProperties("aigenda.messaging")
public record MessagingProperties(@DefaultValue("aigenda") String namespace, @DefaultValue("auto") Broker broker,
		@DefaultValue("1") int prefetch, @DefaultValue("1") int concurrency, @DefaultValue("3") int maxAttempts) {

	public enum Broker {

		AUTO, RABBITMQ, QPID

	}

}
