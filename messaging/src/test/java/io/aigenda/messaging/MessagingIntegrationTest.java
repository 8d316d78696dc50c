package io.aigenda.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.Transcribe;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs against the RabbitMQ of this machine (127.0.0.1:5672) in a namespace of its own.
 */
@SpringBootTest(properties = { "aigenda.messaging.namespace=test-messaging-${random.uuid}",
		"spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=5672" })
class MessagingIntegrationTest {

	@Autowired
	Messages messages;

	@Autowired
	Topology topology;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	Listeners listeners;

	@Test
	void commandsAndEventsTravelAsTypedRecords() {
		Transcribe command = new Transcribe(UUID.randomUUID(), UUID.randomUUID(), 1,
				Instant.parse("2026-01-01T00:00:00Z"), "http://s3/audio", Language.EN, "http://s3/put",
				"orgs/o/meetings/m/artifacts/transcript.asr.json");
		this.messages.sendCommandConfirmed(Queues.TRANSCRIBE, command, "m-1");
		StepProgress progress = new StepProgress(command.meetingId(), command.stepId(), StepKind.TRANSCRIBE, 0.5,
				"half");
		this.messages.publishEvent(progress);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.listeners.received.size() == 2);
		assertThat(this.listeners.received).containsExactlyInAnyOrder(command, progress);
	}

	@Test
	void poisonMessageIsDeadLetteredWithItsReason() {
		MessageProperties properties = new MessageProperties();
		properties.setHeader("aigenda-type", "Nonsense.v9");
		this.rabbit.send(this.topology.commandsExchange(), Queues.WRITE_MINUTES,
				new Message("{}".getBytes(), properties));
		Message dead = await().atMost(Duration.ofSeconds(15))
			.until(() -> this.rabbit.receive(this.topology.deadLetterQueue(Queues.WRITE_MINUTES)), m -> m != null);
		assertThat((String) dead.getMessageProperties().getHeader(DeadLetterRecoverer.HEADER_REASON))
			.contains("Unknown message type Nonsense.v9");
		assertThat((String) dead.getMessageProperties().getHeader(DeadLetterRecoverer.HEADER_ORIGINAL_QUEUE))
			.isEqualTo(this.topology.queue(Queues.WRITE_MINUTES));
		assertThat(this.listeners.poisonAttempts.get()).isZero();
	}

	@Test
	void failingHandlerIsRetriedThenDeadLettered() {
		this.messages
			.publishEvent(new StepProgress(UUID.randomUUID(), UUID.randomUUID(), StepKind.DIARIZE, -1, "fail"));
		Message dead = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.rabbit.receive(this.topology.deadLetterQueue(Queues.BACKEND_EVENTS)), m -> m != null);
		assertThat((String) dead.getMessageProperties().getHeader(DeadLetterRecoverer.HEADER_REASON))
			.isEqualTo("negative progress");
		assertThat(this.listeners.failures.get()).isEqualTo(3);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

	static class Listeners {

		final List<Object> received = new CopyOnWriteArrayList<>();

		final AtomicInteger failures = new AtomicInteger();

		final AtomicInteger poisonAttempts = new AtomicInteger();

		@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).TRANSCRIBE)}")
		void onTranscribe(Transcribe command) {
			this.received.add(command);
		}

		@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).WRITE_MINUTES)}")
		void onWriteMinutes(io.aigenda.contracts.WriteMinutes command) {
			this.poisonAttempts.incrementAndGet();
		}

		@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).BACKEND_EVENTS)}")
		void onProgress(StepProgress progress) {
			if (progress.fraction() < 0) {
				this.failures.incrementAndGet();
				throw new IllegalStateException("negative progress");
			}
			this.received.add(progress);
		}

	}

}
