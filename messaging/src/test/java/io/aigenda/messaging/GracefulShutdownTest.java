package io.aigenda.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.Transcribe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker stopped (a rolling update, a scale-in) while it handles a message, on the
 * RabbitMQ of this machine in a namespace of its own: it finishes the message within the
 * shutdown timeout, and a message it cannot finish in time goes back to the queue. Either
 * way no work is lost.
 */
class GracefulShutdownTest {

	private final String namespace = "test-shutdown-" + UUID.randomUUID();

	private final Topology topology = new Topology(namespace);

	private final CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);

	private final RabbitAdmin admin = new RabbitAdmin(connections);

	@AfterEach
	void cleanUp() {
		for (String base : Topology.queueBases()) {
			admin.deleteQueue(topology.queue(base));
			admin.deleteQueue(topology.deadLetterQueue(base));
		}
		admin.deleteExchange(topology.commandsExchange());
		admin.deleteExchange(topology.eventsExchange());
		admin.deleteExchange(topology.deadLetterExchange());
		connections.destroy();
	}

	private ConfigurableApplicationContext worker(String shutdownTimeout, long workMillis) {
		return new SpringApplicationBuilder(Worker.class).web(WebApplicationType.NONE)
			.properties("aigenda.messaging.namespace=" + namespace, "spring.rabbitmq.host=127.0.0.1",
					"spring.rabbitmq.port=5672", "aigenda.messaging.shutdown.timeout=" + shutdownTimeout,
					"spring.lifecycle.timeout-per-shutdown-phase=30s", "worker.millis=" + workMillis,
					"spring.main.banner-mode=off")
			.run();
	}

	private void sendTranscribe(ConfigurableApplicationContext context) {
		context.getBean(Messages.class)
			.sendCommandConfirmed(
					Queues.TRANSCRIBE, new Transcribe(UUID.randomUUID(), UUID.randomUUID(), 1,
							Instant.now().plusSeconds(600), "http://s3/audio", Language.EN, "http://s3/put", "k"),
					"m-1");
	}

	@Test
	void stoppedWorkerFinishesItsInFlightMessage() throws Exception {
		// Longer than the listener container's own default of 5 s, so the configured
		// timeout is what counts.
		ConfigurableApplicationContext context = worker("20s", 6500);
		Work work = context.getBean(Work.class);
		sendTranscribe(context);
		assertThat(work.started.await(10, TimeUnit.SECONDS)).isTrue();
		context.close();
		assertThat(work.finished).isTrue();
		assertThat(work.interrupted).isFalse();
		QueueInformation queue = admin.getQueueInfo(topology.queue(Queues.TRANSCRIBE));
		assertThat(queue.getMessageCount()).as("acknowledged, not returned").isZero();
		assertThat(admin.getQueueInfo(topology.deadLetterQueue(Queues.TRANSCRIBE)).getMessageCount()).isZero();
	}

	@Test
	void messageNotFinishedWithinTheTimeoutGoesBackToItsQueue() throws Exception {
		ConfigurableApplicationContext context = worker("500ms", 8000);
		Work work = context.getBean(Work.class);
		sendTranscribe(context);
		assertThat(work.started.await(10, TimeUnit.SECONDS)).isTrue();
		context.close();
		assertThat(work.finished).isFalse();
		Message returned = await().atMost(Duration.ofSeconds(15))
			.until(() -> new RabbitTemplate(connections).receive(topology.queue(Queues.TRANSCRIBE)), m -> m != null);
		assertThat(returned.getMessageProperties().isRedelivered()).isTrue();
		assertThat(work.deliveries.get()).isEqualTo(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Worker {

		@Bean
		Work work(org.springframework.core.env.Environment environment) {
			return new Work(environment.getRequiredProperty("worker.millis", Long.class));
		}

	}

	static class Work {

		final long millis;

		final CountDownLatch started = new CountDownLatch(1);

		final AtomicInteger deliveries = new AtomicInteger();

		volatile boolean finished;

		volatile boolean interrupted;

		Work(long millis) {
			this.millis = millis;
		}

		@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).TRANSCRIBE)}")
		void on(Transcribe command) throws InterruptedException {
			deliveries.incrementAndGet();
			started.countDown();
			try {
				Thread.sleep(millis);
				finished = true;
			}
			catch (InterruptedException ex) {
				interrupted = true;
				throw ex;
			}
		}

	}

}
