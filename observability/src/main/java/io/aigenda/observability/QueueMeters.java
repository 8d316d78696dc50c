package io.aigenda.observability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.aigenda.contracts.Queues;
import io.aigenda.messaging.Topology;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Depth and consumers of every AiGenda queue and its dead-letter queue, asked from the
 * broker over AMQP (a passive declare), so it works on RabbitMQ and on the embedded
 * broker alike. The broker is asked on a schedule, never on the scrape path. KEDA reads
 * the same numbers from RabbitMQ itself.
 */
class QueueMeters implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(QueueMeters.class);

	static final List<String> QUEUES = java.util.stream.Stream
		.concat(Queues.PIPELINE.stream(),
				java.util.stream.Stream.of(Queues.VOICEPRINTS, Queues.ML_DELETIONS, Queues.START_RECORDING,
						Queues.STOP_RECORDING))
		.toList();

	private final AmqpAdmin admin;

	private final long intervalMillis;

	private final Map<String, AtomicLong[]> counts = new ConcurrentHashMap<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "aigenda-queue-meters");
		thread.setDaemon(true);
		return thread;
	});

	QueueMeters(AmqpAdmin admin, Topology topology, MeterRegistry registry, long intervalMillis) {
		this.admin = admin;
		this.intervalMillis = intervalMillis;
		for (String base : QUEUES) {
			register(registry, topology.queue(base), base, false);
			register(registry, topology.deadLetterQueue(base), base, true);
		}
	}

	private void register(MeterRegistry registry, String queue, String base, boolean deadLetter) {
		AtomicLong[] values = { new AtomicLong(), new AtomicLong() };
		counts.put(queue, values);
		String kind = deadLetter ? "dead-letter" : "work";
		Gauge.builder(PipelineMeters.QUEUE_MESSAGES, values[0], AtomicLong::get)
			.description("Messages waiting in the queue")
			.tags("queue", queue, "base", base, "kind", kind)
			.register(registry);
		Gauge.builder(PipelineMeters.QUEUE_CONSUMERS, values[1], AtomicLong::get)
			.tags("queue", queue, "base", base, "kind", kind)
			.register(registry);
	}

	@Override
	public void afterSingletonsInstantiated() {
		scheduler.scheduleWithFixedDelay(this::refresh, 0, intervalMillis, TimeUnit.MILLISECONDS);
	}

	void refresh() {
		counts.forEach((queue, values) -> {
			try {
				QueueInformation info = admin.getQueueInfo(queue);
				if (info != null) {
					values[0].set(info.getMessageCount());
					values[1].set(info.getConsumerCount());
				}
			}
			catch (RuntimeException ex) {
				log.debug("Could not read the depth of {}: {}", queue, ex.getMessage());
			}
		});
	}

	@Override
	public void destroy() {
		scheduler.shutdownNow();
	}

}
