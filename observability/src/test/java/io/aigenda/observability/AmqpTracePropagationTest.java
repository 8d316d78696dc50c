package io.aigenda.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.Transcribe;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.Topology;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two services on the RabbitMQ of this machine (127.0.0.1:5672), in a namespace of their
 * own: the first sends a command inside a trace, the second handles it and publishes an
 * event, the first handles that. All three must carry one trace id, and the handlers' log
 * context names the meeting.
 */
class AmqpTracePropagationTest {

	private final String namespace = "test-trace-" + UUID.randomUUID();

	private ConfigurableApplicationContext sender;

	private ConfigurableApplicationContext worker;

	@AfterEach
	void close() {
		if (worker != null) {
			worker.close();
		}
		if (sender != null) {
			sender.getBean(RabbitListenerEndpointRegistry.class).stop();
			AmqpAdmin admin = sender.getBean(AmqpAdmin.class);
			Topology topology = sender.getBean(Topology.class);
			for (String base : QueueMeters.QUEUES) {
				admin.deleteQueue(topology.queue(base));
				admin.deleteQueue(topology.deadLetterQueue(base));
			}
			admin.deleteExchange(topology.commandsExchange());
			admin.deleteExchange(topology.eventsExchange());
			admin.deleteExchange(topology.deadLetterExchange());
			sender.close();
		}
	}

	private ConfigurableApplicationContext start(Class<?> service, String name) {
		return new SpringApplicationBuilder(service).web(WebApplicationType.NONE)
			.properties("spring.application.name=" + name, "aigenda.messaging.namespace=" + namespace,
					"spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=5672", "spring.main.banner-mode=off")
			.run();
	}

	@Test
	void oneTraceFollowsACommandAndItsEventThroughTwoServices() {
		sender = start(SenderService.class, "sender");
		worker = start(WorkerService.class, "worker");
		Transcribe command = new Transcribe(UUID.randomUUID(), UUID.randomUUID(), 1, Instant.now().plusSeconds(600),
				"http://s3/audio", Language.EN, "http://s3/put", "orgs/o/transcript.json");

		Tracer tracer = sender.getBean(Tracer.class);
		String[] started = new String[1];
		Observation.createNotStarted("meeting.upload", sender.getBean(ObservationRegistry.class)).observe(() -> {
			started[0] = tracer.currentSpan().context().traceId();
			sender.getBean(Messages.class).sendCommand(Queues.TRANSCRIBE, command);
		});

		Seen atWorker = worker.getBean(Seen.class);
		Seen atSender = sender.getBean(Seen.class);
		await().atMost(Duration.ofSeconds(20)).until(() -> atSender.values.containsKey("traceId"));
		assertThat(started[0]).hasSize(32).isNotEqualTo("00000000000000000000000000000000");
		assertThat(atWorker.values).containsEntry("traceId", started[0])
			.containsEntry("mdcTraceId", started[0])
			.containsEntry("mdcMeetingId", command.meetingId().toString())
			.containsEntry("mdcStepId", command.stepId().toString());
		assertThat(atSender.values).containsEntry("traceId", started[0])
			.containsEntry("mdcMeetingId", command.meetingId().toString());
	}

	static class Seen {

		final Map<String, String> values = new ConcurrentHashMap<>();

		void record(Tracer tracer) {
			String traceId = tracer.currentSpan().context().traceId();
			values.put("mdcTraceId", String.valueOf(MDC.get("traceId")));
			values.put("mdcMeetingId", String.valueOf(MDC.get(MeetingContext.MEETING_ID)));
			values.put("mdcStepId", String.valueOf(MDC.get(MeetingContext.STEP_ID)));
			values.put("traceId", traceId); // last: the test waits for it
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WorkerService {

		@Bean
		Seen seen() {
			return new Seen();
		}

		@Bean
		WorkerListener workerListener(Seen seen, Tracer tracer, Messages messages) {
			return new WorkerListener(seen, tracer, messages);
		}

	}

	record WorkerListener(Seen seen, Tracer tracer, Messages messages) {

		@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).TRANSCRIBE)}")
		void onTranscribe(Transcribe command) {
			seen.record(tracer);
			messages.publishEvent(
					new StepProgress(command.meetingId(), command.stepId(), StepKind.TRANSCRIBE, 0.5, "half"));
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SenderService {

		@Bean
		Seen seen() {
			return new Seen();
		}

		@Bean
		SenderListener senderListener(Seen seen, Tracer tracer) {
			return new SenderListener(seen, tracer);
		}

	}

	record SenderListener(Seen seen, Tracer tracer) {

		@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).BACKEND_EVENTS)}")
		void onProgress(StepProgress progress) {
			seen.record(tracer);
		}

	}

}
