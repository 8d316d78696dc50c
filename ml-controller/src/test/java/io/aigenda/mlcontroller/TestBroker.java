package io.aigenda.mlcontroller;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.aigenda.contracts.Queues;
import io.aigenda.messaging.Topology;
import io.aigenda.messaging.transfer.ArtifactTransfer;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Plays the workers and the backend on the real broker: takes commands off the worker
 * queues and events off the backend's queue, and moves documents through presigned URLs
 * as a worker does.
 */
public final class TestBroker {

	private final RabbitTemplate template;

	private final Topology topology;

	private final ArtifactTransfer transfer = new ArtifactTransfer(Duration.ofSeconds(30));

	public TestBroker(RabbitTemplate template, Topology topology) {
		this.template = template;
		this.topology = topology;
	}

	public static String namespace() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * The next command of this type for this meeting on a worker queue; others are
	 * dropped.
	 */
	public <T> T command(String queueBase, Class<T> type, UUID meetingId, Duration timeout) {
		return next(this.topology.queue(queueBase), type, meetingId, timeout, (command) -> true);
	}

	public <T> T command(String queueBase, Class<T> type, UUID meetingId, Duration timeout, Predicate<T> accept) {
		return next(this.topology.queue(queueBase), type, meetingId, timeout, accept);
	}

	/**
	 * The next event of this type for this meeting on the backend's queue; others are
	 * dropped.
	 */
	public <T> T event(Class<T> type, UUID meetingId, Duration timeout) {
		return next(this.topology.queue(Queues.BACKEND_EVENTS), type, meetingId, timeout, (event) -> true);
	}

	/** Waits the whole timeout and fails if such a message shows up. */
	public <T> void assertNone(String queueBase, Class<T> type, UUID meetingId, Duration timeout) {
		T found = nextOrNull(this.topology.queue(queueBase), type, meetingId, timeout, (message) -> true);
		if (found != null) {
			throw new AssertionError("Unexpected " + found);
		}
	}

	public Message deadLetter(String queueBase, Duration timeout) {
		return this.template.receive(this.topology.deadLetterQueue(queueBase), timeout.toMillis());
	}

	public void putJson(String url, Object document) {
		this.transfer.writeJson(url, document);
	}

	public <T> T getJson(String url, Class<T> type) {
		return this.transfer.readJson(url, type);
	}

	public byte[] get(String url) {
		return this.transfer.get(url);
	}

	/** Removes the test's queues and exchanges from the shared broker. */
	public static void deleteNamespace(AmqpAdmin admin, Topology topology) {
		for (String base : Topology.queueBases()) {
			admin.deleteQueue(topology.queue(base));
			admin.deleteQueue(topology.deadLetterQueue(base));
		}
		admin.deleteExchange(topology.commandsExchange());
		admin.deleteExchange(topology.eventsExchange());
		admin.deleteExchange(topology.deadLetterExchange());
	}

	/** Same, on a connection of its own, for use after the controller has stopped. */
	public static void deleteNamespace(String namespace) {
		CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
		connections.setUsername("guest");
		connections.setPassword("guest");
		try {
			deleteNamespace(new RabbitAdmin(connections), new Topology(namespace));
		}
		finally {
			connections.destroy();
		}
	}

	private <T> T next(String queue, Class<T> type, UUID meetingId, Duration timeout, Predicate<T> accept) {
		T found = nextOrNull(queue, type, meetingId, timeout, accept);
		if (found == null) {
			throw new AssertionError(
					"No " + type.getSimpleName() + " for meeting " + meetingId + " on " + queue + " within " + timeout);
		}
		return found;
	}

	private <T> T nextOrNull(String queue, Class<T> type, UUID meetingId, Duration timeout, Predicate<T> accept) {
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < end) {
			long left = Math.max(1, (end - System.nanoTime()) / 1_000_000);
			Object message = this.template.receiveAndConvert(queue, Math.min(left, 500));
			if (type.isInstance(message) && meetingId.equals(meetingOf(message)) && accept.test(type.cast(message))) {
				return type.cast(message);
			}
		}
		return null;
	}

	/** The meeting a message is about, or for voiceprint messages the voiceprint. */
	private static UUID meetingOf(Object message) {
		for (String accessor : List.of("meetingId", "voiceprintId")) {
			try {
				return (UUID) message.getClass().getMethod(accessor).invoke(message);
			}
			catch (ReflectiveOperationException ex) {
				// not this one
			}
		}
		return null;
	}

}
