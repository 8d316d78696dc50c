package io.aigenda.messaging;

import io.aigenda.contracts.Queues;

/**
 * Full names of exchanges and queues for one namespace. Listeners refer to queues through
 * this bean, for example {@code @RabbitListener(queues =
 * "#{topology.queue('asr.transcribe')}")}.
 */
public class Topology {

	private final String namespace;

	public Topology(String namespace) {
		this.namespace = namespace;
	}

	public String namespace() {
		return this.namespace;
	}

	/** Full name of a queue given its base name from {@link Queues}. */
	public String queue(String base) {
		return this.namespace + "." + base;
	}

	/**
	 * Base names of every work queue the topology declares (each has a dead-letter queue
	 * beside it).
	 */
	public static java.util.List<String> queueBases() {
		return TopologyDeclarations.queueBases();
	}

	/** Full name of a queue's dead-letter queue. */
	public String deadLetterQueue(String base) {
		return queue(base) + Queues.DEAD_LETTER_SUFFIX;
	}

	public String commandsExchange() {
		return this.namespace + "." + Queues.COMMANDS_EXCHANGE;
	}

	public String eventsExchange() {
		return this.namespace + "." + Queues.EVENTS_EXCHANGE;
	}

	public String deadLetterExchange() {
		return this.namespace + "." + Queues.DEAD_LETTER_EXCHANGE;
	}

}
