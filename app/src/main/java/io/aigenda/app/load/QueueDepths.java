package io.aigenda.app.load;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.aigenda.contracts.Queues;
import io.aigenda.messaging.Topology;

/**
 * Messages waiting in each queue of the meeting pipeline (and its dead-letter queue),
 * asked from the broker with a passive declare, which RabbitMQ and the embedded broker
 * both answer.
 */
public final class QueueDepths implements AutoCloseable {

	private final Connection connection;

	private final Topology topology;

	private Channel channel;

	private QueueDepths(Connection connection, Topology topology) {
		this.connection = connection;
		this.topology = topology;
	}

	public static QueueDepths connect(String host, int port, String username, String password, String virtualHost,
			String namespace) {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(host);
		factory.setPort(port);
		factory.setUsername(username);
		factory.setPassword(password);
		factory.setVirtualHost(virtualHost);
		try {
			return new QueueDepths(factory.newConnection("aigenda-load-queue-depths"), new Topology(namespace));
		}
		catch (IOException | TimeoutException ex) {
			throw new IllegalStateException("Cannot reach the broker at " + host + ":" + port + ": " + ex.getMessage(),
					ex);
		}
	}

	/** From {@code amqp://user:password@host:port/virtual-host}. */
	public static QueueDepths connect(java.net.URI amqp, String namespace) {
		String[] user = (amqp.getUserInfo() == null ? "guest:guest" : amqp.getUserInfo()).split(":", 2);
		String path = amqp.getPath();
		String virtualHost = (path == null || path.length() <= 1) ? "/"
				: java.net.URLDecoder.decode(path.substring(1), java.nio.charset.StandardCharsets.UTF_8);
		return connect(amqp.getHost(), amqp.getPort() > 0 ? amqp.getPort() : 5672, user[0],
				user.length > 1 ? user[1] : "", virtualHost, namespace);
	}

	/**
	 * Messages waiting now, by queue; a queue the broker does not know counts as empty.
	 */
	public synchronized Map<String, Long> now() {
		Map<String, Long> depths = new LinkedHashMap<>();
		for (String base : Queues.PIPELINE) {
			depths.put(base, count(this.topology.queue(base)));
			depths.put(base + Queues.DEAD_LETTER_SUFFIX, count(this.topology.deadLetterQueue(base)));
		}
		return depths;
	}

	private long count(String queue) {
		try {
			if (this.channel == null || !this.channel.isOpen()) {
				this.channel = this.connection.createChannel();
			}
			return this.channel.queueDeclarePassive(queue).getMessageCount();
		}
		catch (IOException ex) {
			// a passive declare of a missing queue closes the channel; the next look
			// opens another
			return 0;
		}
	}

	@Override
	public void close() {
		try {
			this.connection.close();
		}
		catch (IOException | RuntimeException ex) {
			// already closed by the broker
		}
	}

}
