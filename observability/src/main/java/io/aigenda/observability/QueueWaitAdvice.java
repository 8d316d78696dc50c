package io.aigenda.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Records how long each delivered message waited in its queue: from the publish timestamp
 * that {@code Messages} stamps on every message (AMQP timestamps have one-second
 * resolution) to the moment a consumer takes it. Queues are FIFO, so the message taken is
 * the head, and the largest wait in a scrape interval is the oldest message's age at that
 * time. Measured here because the broker cannot say: RabbitMQ reports no head-message
 * timestamp for quorum queues, and peeking (basic.get, then requeue) would reorder the
 * queue and count against the delivery limit.
 */
class QueueWaitAdvice implements MethodInterceptor {

	private final ObjectProvider<PipelineMeters> meters;

	QueueWaitAdvice(ObjectProvider<PipelineMeters> meters) {
		this.meters = meters;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		for (Object argument : invocation.getArguments()) {
			if (argument instanceof Message message) {
				record(message.getMessageProperties());
			}
		}
		return invocation.proceed();
	}

	private void record(MessageProperties properties) {
		Date published = properties.getTimestamp();
		String queue = properties.getConsumerQueue();
		PipelineMeters pipeline = this.meters.getIfAvailable();
		if (published != null && queue != null && pipeline != null) {
			pipeline.queueWait(queue, Duration.between(published.toInstant(), Instant.now()));
		}
	}

}
