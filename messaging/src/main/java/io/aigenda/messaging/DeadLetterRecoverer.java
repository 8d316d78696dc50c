package io.aigenda.messaging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;

/**
 * After the last failed delivery, republishes the message unchanged to the dead-letter
 * exchange, routed by the queue it failed in, with the reason in headers. Works on any
 * AMQP 0-9-1 broker, which is why it is used instead of broker-side dead-lettering.
 */
public class DeadLetterRecoverer implements MessageRecoverer {

	public static final String HEADER_REASON = "x-exception-message";

	public static final String HEADER_EXCEPTION = "x-exception-type";

	public static final String HEADER_STACKTRACE = "x-exception-stacktrace";

	public static final String HEADER_ORIGINAL_QUEUE = "x-original-queue";

	public static final String HEADER_FAILED_AT = "x-failed-at";

	private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

	private static final int MAX_TRACE = 4000;

	private final RabbitTemplate template;

	private final Topology topology;

	public DeadLetterRecoverer(RabbitTemplate template, Topology topology) {
		this.template = template;
		this.topology = topology;
	}

	@Override
	public void recover(Message message, Throwable cause) {
		Throwable root = rootCause(cause);
		MessageProperties properties = message.getMessageProperties();
		String queue = properties.getConsumerQueue();
		properties.setHeader(HEADER_REASON, String.valueOf(root.getMessage()));
		properties.setHeader(HEADER_EXCEPTION, root.getClass().getName());
		properties.setHeader(HEADER_STACKTRACE, trace(cause));
		properties.setHeader(HEADER_ORIGINAL_QUEUE, queue);
		properties.setHeader(HEADER_FAILED_AT, Instant.now().toString());
		log.error("Dead-lettering message {} from {}: {}", properties.getMessageId(), queue, root.getMessage());
		this.template.send(this.topology.deadLetterExchange(), queue, message);
	}

	private static Throwable rootCause(Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	private static String trace(Throwable cause) {
		StringWriter out = new StringWriter();
		cause.printStackTrace(new PrintWriter(out));
		String text = out.toString();
		return text.length() > MAX_TRACE ? text.substring(0, MAX_TRACE) : text;
	}

}
