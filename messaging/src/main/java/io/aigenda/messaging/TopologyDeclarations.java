package io.aigenda.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.aigenda.contracts.Queues;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

/**
 * The one place that declares the AMQP topology: exchanges, work queues, their bindings
 * and a dead-letter queue beside each. Every service declares all of it (declarations are
 * idempotent), so start-up order does not matter.
 */
final class TopologyDeclarations {

	private static final List<String> COMMAND_QUEUES = List.of(Queues.PROCESS_MEETING, Queues.TRANSCRIBE,
			Queues.DIARIZE, Queues.WRITE_MINUTES, Queues.VOICEPRINTS, Queues.START_RECORDING, Queues.STOP_RECORDING);

	private static final Map<String, List<String>> EVENT_QUEUES = Map.of(
			Queues.ML_EVENTS, List.of(Queues.EVENT_TRANSCRIPT_READY, Queues.EVENT_DIARIZATION_READY,
					Queues.EVENT_MINUTES_WRITTEN, Queues.EVENT_STEP_FAILED, Queues.EVENT_STEP_PROGRESS),
			Queues.BACKEND_EVENTS,
			List.of(Queues.EVENT_MINUTES_READY, Queues.EVENT_MEETING_FAILED, Queues.EVENT_STEP_PROGRESS,
					Queues.EVENT_VOICEPRINT_ENROLLED, Queues.EVENT_VOICEPRINT_ENROLMENT_FAILED),
			Queues.ML_DELETIONS, List.of(Queues.EVENT_MEETING_DELETED));

	private TopologyDeclarations() {
	}

	static List<String> queueBases() {
		List<String> bases = new ArrayList<>(COMMAND_QUEUES);
		bases.addAll(EVENT_QUEUES.keySet());
		return List.copyOf(bases);
	}

	static Declarables declare(Topology topology, boolean rabbitMq) {
		List<Declarable> all = new ArrayList<>();
		DirectExchange commands = new DirectExchange(topology.commandsExchange(), true, false);
		TopicExchange events = new TopicExchange(topology.eventsExchange(), true, false);
		DirectExchange deadLetters = new DirectExchange(topology.deadLetterExchange(), true, false);
		all.add(commands);
		all.add(events);
		all.add(deadLetters);
		for (String base : COMMAND_QUEUES) {
			Queue queue = workQueue(topology, base, rabbitMq);
			all.add(queue);
			all.add(BindingBuilder.bind(queue).to(commands).with(base));
			all.addAll(deadLetterQueue(topology, base, deadLetters));
		}
		EVENT_QUEUES.forEach((base, keys) -> {
			Queue queue = workQueue(topology, base, rabbitMq);
			all.add(queue);
			for (String key : keys) {
				all.add(BindingBuilder.bind(queue).to(events).with(key));
			}
			all.addAll(deadLetterQueue(topology, base, deadLetters));
		});
		return new Declarables(all);
	}

	/**
	 * RabbitMQ gets quorum queues and broker-side dead-lettering as well; Qpid Broker-J
	 * closes the connection on those arguments, so there the application-level recoverer
	 * is the only path to the dead-letter queue (it is the main path on RabbitMQ too).
	 */
	private static Queue workQueue(Topology topology, String base, boolean rabbitMq) {
		Map<String, Object> arguments = new HashMap<>();
		if (rabbitMq) {
			arguments.put("x-queue-type", "quorum");
			arguments.put("x-dead-letter-exchange", topology.deadLetterExchange());
			arguments.put("x-dead-letter-routing-key", topology.queue(base));
		}
		return new Queue(topology.queue(base), true, false, false, arguments);
	}

	private static List<Declarable> deadLetterQueue(Topology topology, String base, DirectExchange deadLetters) {
		Queue dlq = new Queue(topology.deadLetterQueue(base), true, false, false);
		Binding binding = BindingBuilder.bind(dlq).to(deadLetters).with(topology.queue(base));
		return List.of(dlq, binding);
	}

}
