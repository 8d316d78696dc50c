package io.aigenda.messaging;

import java.util.Date;
import java.util.UUID;

import io.aigenda.contracts.MessageTypes;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessagePostProcessor;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** Sends commands and publishes events through the declared topology. */
public class Messages {

	private static final long CONFIRM_TIMEOUT_MS = 10_000;

	private final RabbitTemplate template;

	private final Topology topology;

	public Messages(RabbitTemplate template, Topology topology) {
		this.template = template;
		this.topology = topology;
	}

	/**
	 * Sends a command to the queue with the given base name (one of the command queues).
	 */
	public void sendCommand(String queueBase, Object command) {
		this.template.convertAndSend(this.topology.commandsExchange(), queueBase, command, persistent(null));
	}

	/** Publishes an event; its routing key follows from its type. */
	public void publishEvent(Object event) {
		this.template.convertAndSend(this.topology.eventsExchange(), MessageTypes.eventRoutingKey(event.getClass()),
				event, persistent(null));
	}

	/**
	 * Sends a command and waits until the broker confirms it, so a caller such as an
	 * outbox relay marks it sent only when it is safe on the broker. {@code messageId}
	 * lets consumers drop duplicates after a re-send.
	 */
	public void sendCommandConfirmed(String queueBase, Object command, String messageId) {
		this.template.invoke(operations -> {
			operations.convertAndSend(this.topology.commandsExchange(), queueBase, command, persistent(messageId));
			operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
			return null;
		});
	}

	/** Same as {@link #publishEvent(Object)}, waiting for the broker's confirm. */
	public void publishEventConfirmed(Object event, String messageId) {
		this.template.invoke(operations -> {
			operations.convertAndSend(this.topology.eventsExchange(), MessageTypes.eventRoutingKey(event.getClass()),
					event, persistent(messageId));
			operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
			return null;
		});
	}

	private static MessagePostProcessor persistent(String messageId) {
		return message -> {
			message.getMessageProperties().setDeliveryMode(MessageDeliveryMode.PERSISTENT);
			// consumers measure how long it waited in the queue from this
			message.getMessageProperties().setTimestamp(new Date());
			message.getMessageProperties().setMessageId(messageId != null ? messageId : UUID.randomUUID().toString());
			return message;
		};
	}

}
