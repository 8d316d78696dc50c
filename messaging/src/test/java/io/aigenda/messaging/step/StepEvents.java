package io.aigenda.messaging.step;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.aigenda.contracts.DiarizationReady;
import io.aigenda.contracts.MinutesWritten;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.messaging.ContractMessageConverter;
import io.aigenda.messaging.Topology;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;

/**
 * The events workers' steps publish, read off the ml-controller's queue on the real
 * broker, one step at a time; events of other steps are passed over. Shared with the
 * workers' tests through this module's test jar.
 */
public final class StepEvents {

	private final RabbitTemplate rabbit;

	private final Topology topology;

	private final ContractMessageConverter converter = new ContractMessageConverter();

	public StepEvents(RabbitTemplate rabbit, Topology topology) {
		this.rabbit = rabbit;
		this.topology = topology;
	}

	/**
	 * Events of one step, in order, up to and including its ready event or
	 * {@link StepFailed}.
	 * @throws AssertionError when the step does not end within {@code wait}
	 */
	public List<Object> untilDone(UUID stepId, Duration wait) {
		List<Object> events = new ArrayList<>();
		Instant until = Instant.now().plus(wait);
		while (Instant.now().isBefore(until)) {
			Object event = next();
			if (event == null || !stepId.equals(stepIdOf(event))) {
				continue;
			}
			events.add(event);
			if (!(event instanceof StepProgress)) {
				return events;
			}
		}
		throw new AssertionError(
				"No ready event or StepFailed for step " + stepId + " within " + wait + "; got " + events);
	}

	/**
	 * The last event of one step, which must be of {@code type}, with progress reported
	 * before it.
	 */
	public <T> T last(UUID stepId, Class<T> type, Duration wait) {
		List<Object> events = untilDone(stepId, wait);
		if (!(events.getFirst() instanceof StepProgress)) {
			throw new AssertionError("Step " + stepId + " reported no progress before " + events.getFirst());
		}
		Object last = events.getLast();
		if (!type.isInstance(last)) {
			throw new AssertionError("Step " + stepId + " ended with " + last + ", not a " + type.getSimpleName());
		}
		return type.cast(last);
	}

	/** Every event of one step published within {@code wait}. */
	public List<Object> during(UUID stepId, Duration wait) {
		List<Object> events = new ArrayList<>();
		Instant until = Instant.now().plus(wait);
		while (Instant.now().isBefore(until)) {
			Object event = next();
			if (event != null && stepId.equals(stepIdOf(event))) {
				events.add(event);
			}
		}
		return events;
	}

	/**
	 * Removes a test's queues and exchanges from the shared broker, consumers first, so
	 * deleting their queues is not reported as a broker-side cancel.
	 */
	public static void removeTopology(RabbitListenerEndpointRegistry listeners, AmqpAdmin admin,
			Declarables declarables) {
		listeners.stop();
		for (Queue queue : declarables.getDeclarablesByType(Queue.class)) {
			admin.deleteQueue(queue.getName());
		}
		for (Exchange exchange : declarables.getDeclarablesByType(Exchange.class)) {
			admin.deleteExchange(exchange.getName());
		}
	}

	private Object next() {
		Message message = this.rabbit.receive(this.topology.queue(Queues.ML_EVENTS), 500);
		return (message != null) ? this.converter.fromMessage(message) : null;
	}

	private static UUID stepIdOf(Object event) {
		return switch (event) {
			case TranscriptReady ready -> ready.stepId();
			case DiarizationReady ready -> ready.stepId();
			case MinutesWritten written -> written.stepId();
			case StepFailed failed -> failed.stepId();
			case StepProgress progress -> progress.stepId();
			default -> null;
		};
	}

}
